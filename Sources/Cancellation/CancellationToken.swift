import Synchronization

/// A flag that long-running work polls so an interrupt can stop it between steps.
///
/// The kernel sets it (SIGINT or `interrupt_request`); the interpreter's loops poll the cell's
/// token, and the engine (tensor kernels, `fit`) polls the same token, which NotebookRuntime hands
/// it once per cell (`Session.cellScope` → `Threading.cancellationToken`). The kernel resets it
/// before each cell. One process-wide token (`CancellationToken.process`) is enough for a kernel
/// that runs one cell at a time; tests make their own.
///
/// A poll is also where a running cell can give the interpreter to other work for a moment (a
/// kernel subshell's widget message): when someone `requestTurn()`s, the next poll on the thread
/// that runs the cell (inside `servingTurns`) calls the turn server the kernel set, which lets
/// the waiting work run and returns. Polls on other threads (the engine's workers) never serve.
/// Without a request a poll is one relaxed atomic load, as before.
public final class CancellationToken: Sendable {
  /// Bit 0: cancelled. Bit 1: a turn is wanted.
  private let flag = Atomic<Int>(0)
  private let server = Mutex<(@Sendable () -> Void)?>(nil)

  /// The token whose turns the current thread serves (inside `servingTurns`).
  @TaskLocal private static var turnOwner: ObjectIdentifier?

  /// The token that the kernel's interrupt handlers set.
  public static let process = CancellationToken()

  /// Makes a token that is not cancelled.
  public init() {}

  /// Whether cancellation was requested since the last `reset()` (a safe point: see above).
  public var isCancelled: Bool {
    let state = flag.load(ordering: .relaxed)
    guard state & 2 != 0 else { return state & 1 != 0 }
    serveTurnIfOwner()
    return flag.load(ordering: .relaxed) & 1 != 0
  }

  /// Requests cancellation; safe from any thread and from a signal handler (one lock-free
  /// atomic operation, async-signal-safe; JupyterWire's SIGINT handler calls it).
  public func cancel() { flag.bitwiseOr(1, ordering: .relaxed) }

  /// Clears the request, before a new cell runs.
  public func reset() { flag.bitwiseAnd(~1, ordering: .relaxed) }

  /// Throws `Interrupted` when cancellation was requested.
  public func check() throws(Interrupted) {
    if isCancelled { throw Interrupted() }
  }

  // MARK: - Turns

  /// Sets what a poll calls when a turn is wanted (the kernel's interpreter turns).
  public func setTurnServer(_ serve: @escaping @Sendable () -> Void) {
    server.withLock { $0 = serve }
  }

  /// Asks the thread running `servingTurns` to call the turn server at its next poll.
  public func requestTurn() { flag.bitwiseOr(2, ordering: .relaxed) }

  /// Runs `body` with the current thread as the one whose polls serve this token's turns.
  public func servingTurns<T>(_ body: () throws -> T) rethrows -> T {
    try Self.$turnOwner.withValue(ObjectIdentifier(self), operation: body)
  }

  private func serveTurnIfOwner() {
    guard Self.turnOwner == ObjectIdentifier(self) else { return }
    flag.bitwiseAnd(~2, ordering: .relaxed)
    let serve = server.withLock { $0 }
    serve?()
  }
}

/// The error that unwinds work stopped by a `CancellationToken`.
public struct Interrupted: Error, CustomStringConvertible, Sendable {
  /// Makes the error.
  public init() {}
  /// "interrupted by the user".
  public var description: String { "interrupted by the user" }
}
