// Placeholder until the Lang module lands; delete when adding real sources.
enum LangPlaceholder {}
