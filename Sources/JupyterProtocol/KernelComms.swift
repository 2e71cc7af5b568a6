import Display
import Synchronization

/// The kernel's `CommChannel`: comm messages published on iopub, parented to the request being
/// handled.
///
/// `KernelCore` sets `current` before each request it handles, so a widget update made while a
/// cell runs or a callback answers a `comm_msg` carries that request as its parent (an `Output`
/// widget captures by it). Safe from any thread.
public final class KernelComms: CommChannel, Sendable {
  private let channel: any MessageChannel
  private let factory: MessageFactory
  private let streams: StreamBuffer
  private let parent = Mutex<Message?>(nil)

  /// Comms over `channel`; pending `streams` text is published before each comm message, so
  /// a print before a widget update arrives before it (an Output stops capturing after it).
  public init(channel: any MessageChannel, factory: MessageFactory, streams: StreamBuffer) {
    self.channel = channel
    self.factory = factory
    self.streams = streams
  }

  /// The request being handled (nil between requests).
  public var current: Message? {
    get { parent.withLock { $0 } }
    set { parent.withLock { $0 = newValue } }
  }

  public var currentMessageId: String? { current?.header.msgId }

  public func open(
    commId: String, target: String, data: JSONValue, metadata: JSONValue,
    buffers: [[UInt8]]
  ) {
    let content: JSONValue = [
      "comm_id": .string(commId), "target_name": .string(target), "data": data,
    ]
    publish("comm_open", content, metadata: metadata, buffers: buffers)
  }

  public func send(commId: String, data: JSONValue, buffers: [[UInt8]]) {
    publish(
      "comm_msg", ["comm_id": .string(commId), "data": data], metadata: [:], buffers: buffers)
  }

  public func close(commId: String, data: JSONValue) {
    publish("comm_close", ["comm_id": .string(commId), "data": data], metadata: [:], buffers: [])
  }

  private func publish(
    _ msgType: String, _ content: JSONValue, metadata: JSONValue,
    buffers: [[UInt8]]
  ) {
    streams.flush()
    var message = factory.broadcast(msgType, content: content, parent: current)
    message.metadata = metadata
    message.buffers = buffers
    channel.publish(message)
  }
}
