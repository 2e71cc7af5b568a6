/// The kernel subshells of JEP 91 as the control channel sees them: create, delete, list.
///
/// The transport implements it (JupyterWire's `ShellRouter`): each subshell has its own thread
/// and queue of shell requests (those whose header carries its `subshell_id`), served by a
/// `KernelCore(subshellOf:id:channel:)` that shares the interpreter through `InterpreterTurns`.
public protocol SubshellManaging: AnyObject, Sendable {
  /// Starts a subshell; its id.
  func createSubshell() -> String
  /// Stops subshell `id` after the request it is handling; false when there is none.
  func deleteSubshell(_ id: String) -> Bool
  /// The ids of the running subshells, oldest first.
  func listSubshells() -> [String]
}

/// The optional features (JEP 92) the kernel names in `kernel_info_reply`.
public enum SupportedFeature {
  /// JEP 91.
  public static let kernelSubshells = "kernel subshells"
}
