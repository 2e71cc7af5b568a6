import Cancellation
import Foundation

/// Who has the interpreter: one request at a time across the main shell and the subshells,
/// handed over at a running cell's polls (JEP 91).
///
/// `run(token:_:)` waits for the interpreter; when a cell holds it, the waiter asks the cell's
/// token for a turn, and the cell's next poll (`CancellationToken.isCancelled`, on the cell's
/// thread) calls `serveWaiting()`: the cell pauses there until every waiter has had its turn.
/// So a widget message or a completion on a subshell is answered while a long cell runs on the
/// main shell, as soon as the cell next polls (every loop iteration, call, and batch of `fit`);
/// two cells on different shells take turns at their polls.
public final class InterpreterTurns: @unchecked Sendable {
  private let condition = NSCondition()
  private var busy = false
  private var waiting = 0
  /// The tokens of the requests holding the interpreter, innermost last.
  private var holders: [CancellationToken] = []

  /// Free turns.
  public init() {}

  /// Runs `body` when the interpreter is free; `token` is the one the request's work polls.
  public func run<T>(token: CancellationToken, _ body: () -> T) -> T {
    token.setTurnServer { [weak self] in self?.serveWaiting() }
    condition.lock()
    waiting += 1
    while busy {
      holders.last?.requestTurn()
      condition.wait(until: Date(timeIntervalSinceNow: 0.05))
    }
    waiting -= 1
    busy = true
    holders.append(token)
    condition.unlock()
    defer {
      condition.lock()
      holders.removeLast()
      busy = false
      condition.broadcast()
      condition.unlock()
    }
    return body()
  }

  /// Called at a poll of the holder: lets every waiting request run, then takes the
  /// interpreter back.
  func serveWaiting() {
    condition.lock()
    defer { condition.unlock() }
    guard waiting > 0, busy else { return }
    busy = false
    condition.broadcast()
    while waiting > 0 || busy { condition.wait() }
    busy = true
  }
}
