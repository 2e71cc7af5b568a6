// Placeholder until the NotebookKernel module lands; delete when adding real sources.
enum NotebookKernelPlaceholder {}
