import Cancellation
import Synchronization

/// A `MessageChannel` that records what the kernel sends, for tests without sockets.
///
/// Input replies are scripted: `requestInput` answers with the next queued `input_reply` value,
/// or nil when none is queued.
public final class InMemoryChannel: MessageChannel {
  private struct State {
    var replies: [Message] = []
    var published: [Message] = []
    var inputRequests: [Message] = []
    var inputValues: [String] = []
    var queued: [Message] = []
  }

  private let state = Mutex(State())
  private let factory = MessageFactory(session: "in-memory-client", username: "client")

  /// An empty channel.
  public init() {}

  /// Shell replies sent so far.
  public var replies: [Message] { state.withLock { $0.replies } }
  /// Iopub messages published so far.
  public var published: [Message] { state.withLock { $0.published } }
  /// `input_request`s sent so far.
  public var inputRequests: [Message] { state.withLock { $0.inputRequests } }

  /// Queues a value that the next `input_request` receives.
  public func queueInput(_ value: String) { state.withLock { $0.inputValues.append(value) } }

  /// Puts a request on the simulated shell queue (taken by `takeQueuedRequests`).
  public func queue(_ request: Message) { state.withLock { $0.queued.append(request) } }

  /// Forgets everything recorded so far.
  public func clear() {
    state.withLock {
      $0.replies.removeAll()
      $0.published.removeAll()
      $0.inputRequests.removeAll()
    }
  }

  public func takeQueuedRequests() -> [Message] {
    state.withLock { state in
      defer { state.queued.removeAll() }
      return state.queued
    }
  }

  public func reply(_ message: Message) { state.withLock { $0.replies.append(message) } }

  public func publish(_ message: Message) { state.withLock { $0.published.append(message) } }

  public func requestInput(_ request: Message, cancellation: CancellationToken) -> Message? {
    let value: String? = state.withLock {
      $0.inputRequests.append(request)
      return $0.inputValues.isEmpty ? nil : $0.inputValues.removeFirst()
    }
    guard let value else { return nil }
    return factory.message("input_reply", content: ["value": .string(value)], parent: request)
  }
}
