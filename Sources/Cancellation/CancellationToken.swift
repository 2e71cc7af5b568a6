import Synchronization

/// A flag that long-running work polls so an interrupt can stop it between steps.
///
/// The kernel sets it (SIGINT or `interrupt_request`); the interpreter's loops poll the cell's
/// token, and the engine (tensor kernels, `fit`) polls the same token, which NotebookRuntime hands
/// it once per cell (`Session.cellScope` → `Threading.cancellationToken`). The kernel resets it
/// before each cell. One process-wide token (`CancellationToken.process`) is enough for a kernel
/// that runs one cell at a time; tests make their own.
public final class CancellationToken: Sendable {
  private let flag = Atomic<Bool>(false)

  /// The token that the kernel's interrupt handlers set.
  public static let process = CancellationToken()

  /// Makes a token that is not cancelled.
  public init() {}

  /// Whether cancellation was requested since the last `reset()`.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }

  /// Requests cancellation; safe from any thread and from a signal handler (one relaxed atomic
  /// store, async-signal-safe; JupyterWire's SIGINT handler calls it).
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Clears the request, before a new cell runs.
  public func reset() { flag.store(false, ordering: .relaxed) }

  /// Throws `Interrupted` when cancellation was requested.
  public func check() throws(Interrupted) {
    if isCancelled { throw Interrupted() }
  }
}

/// The error that unwinds work stopped by a `CancellationToken`.
public struct Interrupted: Error, CustomStringConvertible, Sendable {
  /// Makes the error.
  public init() {}
  /// "interrupted by the user".
  public var description: String { "interrupted by the user" }
}
