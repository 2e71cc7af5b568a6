import Lang

/// The language session that `stride kernel` and `stride run` use.
///
/// Today: the core language (`Lang.Session`). When NotebookRuntime is merged, this returns
/// `NotebookRuntime.makeSession()`, which registers the engine's names (Tensor, layers, fit, …).
func makeSession() -> Session { Session() }
