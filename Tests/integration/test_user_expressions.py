"""`user_expressions` as MyST/Jupyter Book's `{eval}` uses them, through jupyter_client.

Each expression comes back in the execute_reply as ipykernel returns it: `{"status": "ok",
"data": <the full MIME bundle>, "metadata": {...}}` or `{"status": "error", "ename", "evalue",
"traceback"}`; nothing is published on iopub for them, and the cell's bindings stay as they were.
"""
import base64

from conftest import run


def expressions(kc, code, exprs):
    reply, outputs = run(kc, code, user_expressions=exprs, timeout=30)
    return reply["content"], outputs


def test_rich_results_are_full_mime_bundles(kernel):
    _, kc = kernel
    content, outputs = expressions(kc, "let img = Tensor.zeros([1, 8, 8])\nlet t = Tensor([[1, 2], [3, 4]])", {
        "shape": "t.shape", "table": "t", "image": "img", "grid": "imageGrid([img, img])",
        "note": 'Markdown("**bold**")', "sum": "2 * 21"})
    assert content["status"] == "ok"
    ue = content["user_expressions"]
    assert all(v["status"] == "ok" and isinstance(v["metadata"], dict) for v in ue.values())
    assert ue["sum"]["data"] == {"text/plain": "42"}
    assert ue["shape"]["data"]["text/plain"] == "[2, 2]"
    assert "<table" in ue["table"]["data"]["text/html"] and "text/plain" in ue["table"]["data"]
    assert base64.b64decode(ue["image"]["data"]["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(ue["grid"]["data"]) == {"image/svg+xml", "image/png", "text/plain"}
    assert "<svg" in ue["grid"]["data"]["image/svg+xml"]
    assert ue["note"]["data"]["text/markdown"] == "**bold**"
    # Expressions publish nothing: only the cell's own busy, execute_input, idle.
    assert [o["msg_type"] for o in outputs] == ["execute_input"]


def test_errors_name_the_problem_and_keep_the_bindings(kernel):
    _, kc = kernel
    content, _ = expressions(kc, "let x = 20", {
        "missing": "nope + 1", "syntax": "1 +", "type": 'x + "a"', "fine": "x + 1"})
    ue = content["user_expressions"]
    assert ue["missing"]["status"] == "error" and ue["missing"]["ename"] == "NameError"
    assert "nope" in ue["missing"]["evalue"] and ue["missing"]["traceback"]
    assert ue["syntax"]["status"] == "error" and ue["syntax"]["ename"] == "SyntaxError"
    assert ue["type"]["status"] == "error" and ue["type"]["evalue"]
    assert ue["fine"] == {"status": "ok", "data": {"text/plain": "21"}, "metadata": {}}
    reply, outputs = run(kc, "x")
    assert reply["content"]["status"] == "ok"
    assert [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"] == ["20"]


def test_a_failing_cell_evaluates_no_expressions(kernel):
    _, kc = kernel
    content, _ = expressions(kc, "undefinedName", {"one": "1"})
    assert content["status"] == "error" and content["ename"] == "NameError"
    assert content.get("user_expressions", {}) == {}


def test_silent_cells_still_evaluate_expressions(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "let y = 3", silent=True, user_expressions={"y": "y * y"})
    assert reply["content"]["user_expressions"]["y"]["data"] == {"text/plain": "9"}
    assert outputs == []
