import Cancellation
import Foundation
import JupyterProtocol

/// A queue of shell requests for one shell (main or subshell) and the bytes each arrived as.
final class MessageQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [(message: Message, bytes: Int)] = []
  private var closed = false

  func push(_ message: Message, bytes: Int) {
    condition.lock()
    items.append((message, bytes))
    condition.signal()
    condition.unlock()
  }

  /// The next request, waiting up to `seconds`; nil on timeout or once closed and empty.
  func pop(waiting seconds: Double) -> (message: Message, bytes: Int)? {
    condition.lock()
    defer { condition.unlock() }
    let deadline = Date(timeIntervalSinceNow: seconds)
    while items.isEmpty && !closed {
      if !condition.wait(until: deadline) { break }
    }
    return items.isEmpty ? nil : items.removeFirst()
  }

  /// Every request waiting now.
  func drain() -> [Message] {
    condition.lock()
    defer { condition.unlock() }
    let all = items.map(\.message)
    items.removeAll()
    return all
  }

  /// Wakes the consumer for good: `isClosed` becomes true.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  var isClosed: Bool {
    condition.lock()
    defer { condition.unlock() }
    return closed
  }
}

/// A subshell's view of the transport: the kernel's sockets, but its own queue for the
/// requests that wait behind a failed cell.
final class SubshellChannel: MessageChannel {
  let base: WireChannel
  let queue: MessageQueue

  init(base: WireChannel, queue: MessageQueue) {
    self.base = base
    self.queue = queue
  }

  func reply(_ message: Message) { base.reply(message) }
  func publish(_ message: Message) { base.publish(message) }
  func requestInput(_ request: Message, cancellation: CancellationToken) -> Message? {
    base.requestInput(request, cancellation: cancellation)
  }
  func takeQueuedRequests() -> [Message] { queue.drain() }
}
