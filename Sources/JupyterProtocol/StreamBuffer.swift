import Display
import Synchronization

/// Coalesces `print` text into few `stream` messages: flushed by size, by age, or on demand.
///
/// One `stream` message per write floods iopub (ZeroMQ drops past its high-water mark, and a
/// frontend rate-limits), so text waits here until `maxBytes` accumulate, the oldest text is
/// `maxAge` old (checked on each write and by `flushIfDue()`, which the transport calls from a
/// timer thread), or other output must follow it in order.
public final class StreamBuffer: Sendable {
  private struct Pending {
    var parent: Message
    var stream: OutputStreamName
    var text: String
    var since: ContinuousClock.Instant
  }

  private let pending = Mutex<Pending?>(nil)
  private let channel: any MessageChannel
  private let factory: MessageFactory
  private let maxBytes: Int
  private let maxAge: Duration

  /// A buffer that publishes through `channel`.
  public init(
    channel: any MessageChannel, factory: MessageFactory, maxBytes: Int = 64 * 1024,
    maxAge: Duration = .milliseconds(50)
  ) {
    self.channel = channel
    self.factory = factory
    self.maxBytes = maxBytes
    self.maxAge = maxAge
  }

  /// Adds text written by the cell answering `parent`.
  public func append(_ text: String, to stream: OutputStreamName, parent: Message) {
    pending.withLock { pending in
      if let current = pending, current.stream != stream || current.parent.header != parent.header {
        publish(current)
        pending = nil
      }
      if pending == nil {
        pending = Pending(parent: parent, stream: stream, text: "", since: .now)
      }
      pending?.text += text
      if let current = pending,
        current.text.utf8.count >= maxBytes || ContinuousClock.now - current.since >= maxAge
      {
        publish(current)
        pending = nil
      }
    }
  }

  /// Publishes whatever is buffered.
  public func flush() {
    pending.withLock { pending in
      if let current = pending { publish(current) }
      pending = nil
    }
  }

  /// Publishes buffered text older than `maxAge` (called periodically by the transport).
  public func flushIfDue() {
    pending.withLock { pending in
      guard let current = pending, ContinuousClock.now - current.since >= maxAge else { return }
      publish(current)
      pending = nil
    }
  }

  private func publish(_ chunk: Pending) {
    guard !chunk.text.isEmpty else { return }
    let content: JSONValue = ["name": .string(chunk.stream.rawValue), "text": .string(chunk.text)]
    channel.publish(factory.broadcast("stream", content: content, parent: chunk.parent))
  }
}
