// Placeholder until the Graphics module lands; delete when adding real sources.
enum GraphicsPlaceholder {}
