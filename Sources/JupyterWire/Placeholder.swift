// Placeholder until the JupyterWire module lands; delete when adding real sources.
enum JupyterWirePlaceholder {}
