"""jupyter_kernel_test 0.7.0 against Stride, every test of the suite enabled.

The samples are cells of the language (Lang) plus the kernel's notebook functions
(`printError`, `HTML`, `LaTeX`, `clearOutput`; Sources/NotebookKernel/NotebookFunctions.swift)
and IPython-style `name?` help in the pager.
Import the module, not the classes: pytest collects every TestCase in the namespace.
"""
from __future__ import annotations

import unittest

import conftest  # noqa: F401  (isolates Jupyter state before jupyter_client is used)
import jupyter_kernel_test as jkt

KERNEL_NAME = conftest.KERNEL_NAME


class StrideKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "swift"
    file_extension = ".swift"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'printError("test")'

    completion_samples = [
        {"text": "printE", "matches": {"printError"}},
        {"text": "let x = sq", "matches": {"sqrt"}},
    ]

    complete_code_samples = ["1", 'print("hello, world")', "while false {\n  print(1)\n}\n"]
    incomplete_code_samples = ['print("hello', "while true {", "1 +"]
    invalid_code_samples = ["let = 7q", "1 + )"]

    code_page_something = "print?"
    code_generate_error = "1 / 0"

    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "let side = 3\nside * side", "result": "9"},
        {"code": 'HTML("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
    ]

    code_display_data = [
        {"code": 'display(HTML("<b>test</b>"))', "mime": "text/html"},
        {"code": 'display(LaTeX("\\\\frac{1}{2}"))', "mime": "text/latex"},
    ]

    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"
    code_clear_output = "clearOutput()"


class StrideIopubWelcomeTests(jkt.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
