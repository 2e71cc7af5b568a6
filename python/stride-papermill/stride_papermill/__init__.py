"""Papermill parameters for Stride's Swift notebooks.

Importing the package registers `SwiftTranslator` for the language "swift" with papermill, so
`papermill in.ipynb out.ipynb -p epochs 1 -p learningRate 0.01` injects

    // Parameters
    let epochs = 1
    let learningRate = 0.01

after the cell tagged `parameters`. Papermill imports the package itself, through the
`papermill.engine` entry point that this package declares (see pyproject.toml).
"""
# papermill first: its import loads our engine entry point (engine.py), which imports
# translator.py, which imports papermill's modules; in the other order that is a cycle.
import papermill  # noqa: F401,E402

from .translator import SwiftTranslator, register  # noqa: E402

register()

__all__ = ["SwiftTranslator"]
