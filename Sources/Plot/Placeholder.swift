// Placeholder until the Plot module lands; delete when adding real sources.
enum PlotPlaceholder {}
