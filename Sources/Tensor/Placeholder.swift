// Placeholder until the Tensor module lands; delete when adding real sources.
enum TensorPlaceholder {}
