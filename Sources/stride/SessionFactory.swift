import Lang
import NotebookRuntime

/// The language session that `stride kernel` uses: the core language with every name of the
/// engine, the layers, training and the renderers registered by NotebookRuntime.
func makeSession() -> Session { NotebookRuntime.makeSession() }
