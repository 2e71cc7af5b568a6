// Placeholder until the JupyterProtocol module lands; delete when adding real sources.
enum JupyterProtocolPlaceholder {}
