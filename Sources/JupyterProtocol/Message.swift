import Display
import Foundation

/// One Jupyter message: routing identities, header, parent header, metadata, content, buffers.
///
/// On the wire it is `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata,
/// content, buffers…]` (see `JupyterWire.WireCodec`); here it is already decoded.
public struct Message: Sendable, Equatable {
  /// ZeroMQ routing prefix (the peer on ROUTER sockets, the topic on iopub).
  public var identities: [[UInt8]]
  /// This message's header.
  public var header: MessageHeader
  /// The header of the request this message answers (nil is sent as `{}`).
  public var parentHeader: MessageHeader?
  /// Free metadata (a JSON object).
  public var metadata: JSONValue
  /// The content, a JSON object whose shape depends on `header.msgType`.
  public var content: JSONValue
  /// Raw binary buffers after the content (comms, widgets).
  public var buffers: [[UInt8]]

  /// Makes a message.
  public init(
    identities: [[UInt8]] = [], header: MessageHeader, parentHeader: MessageHeader? = nil,
    metadata: JSONValue = [:], content: JSONValue = [:], buffers: [[UInt8]] = []
  ) {
    self.identities = identities
    self.header = header
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// The message type (`header.msg_type`).
  public var msgType: String { header.msgType }

  /// Decodes the content as a typed request or reply.
  public func decodeContent<T: Decodable>(_ type: T.Type) throws -> T { try content.decode(type) }
}

/// Makes the kernel's messages: fresh ids and timestamps, its session id, parent and identities.
public struct MessageFactory: Sendable {
  /// The kernel's session id (one per process).
  public let session: String
  /// The user name in headers.
  public let username: String

  /// A factory with a fresh random session id.
  public init(session: String = UUID().uuidString.lowercased(), username: String = "stride") {
    self.session = session
    self.username = username
  }

  /// A new header of `msgType`.
  public func header(_ msgType: String) -> MessageHeader {
    MessageHeader(
      msgId: UUID().uuidString.lowercased(), msgType: msgType, username: username,
      session: session, date: jupyterTimestamp())
  }

  /// A message with `content`, child of `parent` (nil for none), with no identities.
  public func message(
    _ msgType: String, content: JSONValue, parent: Message?,
    metadata: JSONValue = [:]
  ) -> Message {
    Message(
      header: header(msgType), parentHeader: parent?.header, metadata: metadata,
      content: content)
  }

  /// The reply to `request`: type `<x>_reply` for `<x>_request`, same identities.
  public func reply(to request: Message, content: JSONValue, metadata: JSONValue = [:]) -> Message {
    var reply = message(
      Self.replyType(of: request.msgType), content: content, parent: request,
      metadata: metadata)
    reply.identities = request.identities
    return reply
  }

  /// An iopub message with the topic `kernel.<session>.<type>` as its identity.
  public func broadcast(_ msgType: String, content: JSONValue, parent: Message?) -> Message {
    var message = message(msgType, content: content, parent: parent)
    message.identities = [Array("kernel.\(session).\(msgType)".utf8)]
    return message
  }

  /// `x_request` → `x_reply`; any other type gets `_reply` appended.
  static func replyType(of requestType: String) -> String {
    if requestType.hasSuffix("_request") { return String(requestType.dropLast(8)) + "_reply" }
    return requestType + "_reply"
  }
}
