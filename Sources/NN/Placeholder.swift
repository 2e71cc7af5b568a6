// Placeholder until the NN module lands; delete when adding real sources.
enum NNPlaceholder {}
