"""Papermill parameters for Stride's Swift notebooks.

Importing the package registers `SwiftTranslator` for the language "swift" with papermill, so
`papermill in.ipynb out.ipynb -p epochs 1 -p learningRate 0.01` injects

    // Parameters
    let epochs = 1
    let learningRate = 0.01

after the cell tagged `parameters`. Papermill imports the package itself, through the
`papermill.engine` entry point that this package declares (see pyproject.toml).
"""
from papermill.translators import papermill_translators

from .translator import SwiftTranslator

papermill_translators.register("swift", SwiftTranslator)

__all__ = ["SwiftTranslator"]
