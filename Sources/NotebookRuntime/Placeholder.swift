// Placeholder until the NotebookRuntime module lands; delete when adding real sources.
enum NotebookRuntimePlaceholder {}
