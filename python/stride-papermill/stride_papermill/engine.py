"""The `stride` papermill engine: papermill's default nbclient engine under Stride's name.

It exists so that papermill, which loads every `papermill.engine` entry point when it is
imported, imports this package and so registers the Swift translator. `--engine stride` runs a
notebook exactly as the default engine does.
"""
from papermill.engines import NBClientEngine

from .translator import register

register()


class StrideEngine(NBClientEngine):
    """Papermill's nbclient engine, unchanged."""
