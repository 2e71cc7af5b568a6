// Placeholder until the Autograd module lands; delete when adding real sources.
enum AutogradPlaceholder {}
