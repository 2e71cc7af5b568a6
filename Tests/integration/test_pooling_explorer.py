"""`poolingExplorer()` through jupyter_client: the window walks the input (a Play linked in the
front end to the step slider), both outputs fill in, the window's max and average are spelled
out, and a stride that does not fit is flagged."""
from __future__ import annotations

from conftest import run
from test_widgets import comm_data, comm_opens, send_comm


def test_pooling_explorer_steps_the_window_and_fills_both_outputs(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "poolingExplorer()")
    assert reply["content"]["status"] == "ok", reply["content"]
    states = {i: m["content"]["data"]["state"] for i, m in comm_opens(outputs).items()}
    html_id = next(i for i, s in states.items() if s["_model_name"] == "HTMLModel")
    first = states[html_id]["value"]
    assert "⌊(4 − 2)/2⌋ + 1 = 2" in first
    assert "max(7, 2, 4, 5) = 7; average = 18/4 = 4.5" in first
    [link] = [s for s in states.values() if s["_model_name"] == "LinkModel"]
    play_id = next(i for i, s in states.items() if s["_model_name"] == "PlayModel")
    step_id = next(i for i, s in states.items() if s.get("description") == "step")
    assert (link["source"], link["target"]) == (["IPY_MODEL_" + play_id, "value"], ["IPY_MODEL_" + step_id, "value"])
    assert states[play_id]["max"] == 3 and states[step_id]["max"] == 3
    # The Play (linked in the front end) moves the step slider, which the front end syncs.
    outputs, _ = send_comm(kc, step_id, {"method": "update", "state": {"value": 3}, "buffer_paths": []})
    [update] = comm_data(outputs, html_id, "update")
    html = update["state"]["value"]
    assert "cell (1, 1): max(4, 2, 8, 6) = 8; average = 20/4 = 5" in html
    assert html.count("<text") == 16 + 4 + 4 + 3  # input, both outputs filled, three titles
    # A stride that does not fit warns; the step range follows the output size (3×3 → 0...8).
    window_id = next(i for i, s in states.items() if s.get("description") == "stride S")
    outputs, _ = send_comm(kc, window_id, {"method": "update", "state": {"value": 1}, "buffer_paths": []})
    assert [d["state"]["max"] for d in comm_data(outputs, step_id, "update")] == [8]
    reply, outputs = run(kc, "poolingExplorer(Tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), size: 2, stride: 2)")
    html = next(s for s in (m["content"]["data"]["state"] for m in outputs if m["msg_type"] == "comm_open")
                if s["_model_name"] == "HTMLModel")["value"]
    assert "1/2 is not a whole number" in html
    reply, _ = run(kc, "poolingExplorer(Tensor([1, 2, 3]))")
    assert reply["content"]["status"] == "error" and "square grid" in reply["content"]["evalue"]
