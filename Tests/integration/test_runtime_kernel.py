"""The engine through the real kernel: live training display, interrupt mid-training, shape errors.

These are the promises a student relies on while a model trains in JupyterLab: one display that
updates in place and ends with the final chart; an interrupt that stops training within a second
and keeps the model; an error that names the layer and keeps every binding.
"""
from __future__ import annotations

import time

import conftest  # noqa: F401  (isolates Jupyter state before jupyter_client is used)
from conftest import iopub_until_idle, kernel, run, wait_busy, wait_reply  # noqa: F401

SMALL_MODEL = """
%seed 5
let data = FashionMNIST(padding: 2)
let model = Sequential(input: [1, 32, 32]) {
    Conv2D(4, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
"""


def test_fit_shows_one_live_display_updated_in_place(kernel):  # noqa: F811
    _, kc = kernel
    assert run(kc, SMALL_MODEL, timeout=60)[0]["content"]["status"] == "ok"
    reply, outputs = run(kc, "let history = model.fit(data.train.prefix(6000), epochs: 2, batchSize: 32, "
                             "optimizer: SGD(learningRate: 0.05, momentum: 0.9), loss: .crossEntropy, seed: 5)",
                         timeout=120)
    assert reply["content"]["status"] == "ok"
    displays = [o for o in outputs if o["msg_type"] == "display_data"]
    updates = [o for o in outputs if o["msg_type"] == "update_display_data"]
    assert len(displays) == 1, "fit shows exactly one display"
    display_id = displays[0]["content"]["transient"]["display_id"]
    assert len(updates) >= 2, "the display is updated while training"
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert not [o for o in outputs if o["msg_type"] == "clear_output"], "other outputs are never cleared"
    final = updates[-1]["content"]["data"]
    assert {"text/plain", "image/svg+xml", "image/png"} <= set(final), "the chart carries SVG and a PNG"
    assert "epoch 2/2" in final["text/plain"] and "done" in final["text/plain"]
    history = run(kc, "history.epochs")[1]
    assert [o["content"]["data"]["text/plain"] for o in history if o["msg_type"] == "execute_result"] == ["2"]


def test_interrupt_mid_training_stops_quickly_and_keeps_the_model(kernel):  # noqa: F811
    km, kc = kernel
    assert run(kc, SMALL_MODEL, timeout=60)[0]["content"]["status"] == "ok"
    msg_id = kc.execute("let long = model.fit(data.train, epochs: 50, batchSize: 32, "
                        "optimizer: SGD(learningRate: 0.05), loss: .crossEntropy, seed: 5)")
    wait_busy(kc, msg_id)
    time.sleep(2.0)
    start = time.monotonic()
    km.interrupt_kernel()
    reply = wait_reply(kc, msg_id, timeout=5)
    elapsed = time.monotonic() - start
    assert reply["content"]["status"] == "error"
    assert "nterrupt" in reply["content"]["ename"]
    assert elapsed < 1.5, f"the interrupted cell took {elapsed:.2f} s to end"
    iopub_until_idle(kc, msg_id, timeout=10)
    reply, outputs = run(kc, "model.parameterCount", timeout=10)
    assert reply["content"]["status"] == "ok"
    results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
    assert results == ["7954"], "the model survives the interrupt"
    reply, _ = run(kc, "model.evaluate(data.test.prefix(500)).accuracy", timeout=30)
    assert reply["content"]["status"] == "ok", "the model is still usable"


def test_shape_error_names_the_layer_and_keeps_bindings(kernel):  # noqa: F811
    _, kc = kernel
    run(kc, "let kept = 7")
    reply, outputs = run(kc, "let bad = Sequential(input: [1, 28, 28]) {\n"
                             "    Conv2D(6, kernel: 5)\n    AvgPool2D(2)\n    Conv2D(16, kernel: 5)\n"
                             "    AvgPool2D(2)\n    Flatten()\n    Dense(120, inputs: 400)\n}", timeout=20)
    assert reply["content"]["status"] == "error"
    errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
    assert errors and errors[0]["ename"] == "ShapeError"
    assert "Dense(120)" in errors[0]["evalue"] and "400" in errors[0]["evalue"] and "256" in errors[0]["evalue"]
    traceback = "\n".join(errors[0]["traceback"])
    assert "^" in traceback, "the traceback points at the code with a caret"
    reply, outputs = run(kc, "kept * 6")
    assert [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"] == ["42"]


USER_BLOCK = """
%seed 11
struct Block: Layer {
    var conv = Conv2D(4, kernel: 3, padding: 1, bias: false, inChannels: 1)
    var norm = BatchNorm2D(channels: 4)
    var head = Dense(10, inputs: 4)
    func callAsFunction(_ x: Tensor) -> Tensor {
        head(GlobalAvgPool2D()(relu(norm(conv(x)))))
    }
}
let data = FashionMNIST(padding: 2)
let block = Block()
"""


def test_a_struct_layer_trains_alone_saves_and_loads_into_a_fresh_instance(kernel, tmp_path):  # noqa: F811
    """Swift for TensorFlow's way: a layer is a struct; alone it has a model's members."""
    _, kc = kernel
    assert run(kc, USER_BLOCK, timeout=60)[0]["content"]["status"] == "ok"
    reply, _ = run(kc, "let h = block.fit(data.train.prefix(2048), epochs: 2, batchSize: 32, "
                       "optimizer: Adam(learningRate: 0.02), loss: .crossEntropy, seed: 3);", timeout=120)
    assert reply["content"]["status"] == "ok"
    path = tmp_path / "block.safetensors"
    code = (f'block.save("{path}")\nlet fresh = Block()\nfresh.load("{path}")\n'
            'let test = data.test.prefix(256)\n'
            '(block.parameterCount, block.evaluate(test).accuracy > 0.15, '
            'block.evaluate(test).accuracy == fresh.evaluate(test).accuracy, block.history!.epochs)')
    reply, outputs = run(kc, code, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
    assert results == ["(94, true, true, 2)"], results
