"""Stride's safetensors checkpoints read by the Python `safetensors` package.

Run `swift test --filter CheckpointSafeTensorsTests` first: it writes
stride-checkpoint.safetensors and stride-checkpoint.expected.json under $STRIDE_ARTIFACTS
(default /tmp/stride-artifacts). This test loads the file with safetensors.numpy and compares
every tensor, shape and dtype with the JSON the Swift test wrote beside it.
"""
import json
import os

import numpy as np
import pytest

safetensors = pytest.importorskip("safetensors")
from safetensors import safe_open  # noqa: E402
from safetensors.numpy import load_file  # noqa: E402

ARTIFACTS = os.environ.get("STRIDE_ARTIFACTS", "/tmp/stride-artifacts")
CHECKPOINT = os.path.join(ARTIFACTS, "stride-checkpoint.safetensors")
EXPECTED = os.path.join(ARTIFACTS, "stride-checkpoint.expected.json")


@pytest.fixture(scope="module")
def expected():
    if not os.path.exists(CHECKPOINT) or not os.path.exists(EXPECTED):
        pytest.skip("run `swift test --filter CheckpointSafeTensorsTests` first to write " + CHECKPOINT)
    with open(EXPECTED) as f:
        return json.load(f)


def test_every_tensor_matches(expected):
    tensors = load_file(CHECKPOINT)
    assert sorted(tensors) == sorted(expected["tensors"])
    for name, want in expected["tensors"].items():
        got = tensors[name]
        assert got.dtype == np.float32, name
        assert list(got.shape) == want["shape"], name
        np.testing.assert_array_equal(got.reshape(-1), np.array(want["values"], dtype=np.float32), err_msg=name)


def test_metadata_is_readable(expected):
    with safe_open(CHECKPOINT, framework="numpy") as f:
        assert f.metadata() == expected["metadata"]
        assert sorted(f.keys()) == sorted(expected["tensors"])
