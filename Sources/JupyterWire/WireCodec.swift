import Display
import Foundation
import JupyterProtocol

/// Framing and signing: `Message` ⇄ ZeroMQ frames.
///
/// Frames: `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content,
/// buffers…]`, the four dicts as UTF-8 JSON. With a key, incoming signatures are checked
/// (HMAC-SHA256, constant time) and a signature seen before is refused as a replay; codecs of
/// one kernel share one `ReplayGuard`, so this holds across channels. Not thread-safe: one codec per socket thread.
public final class WireCodec {
  /// The delimiter between routing identities and the message.
  public static let delimiter = Array("<IDS|MSG>".utf8)

  private let signer: HMACSigner?
  private let replays: ReplayGuard
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return encoder
  }()
  private let decoder = JSONDecoder()
  private static let emptyObject = Array("{}".utf8)

  /// A codec for `key` (empty: unsigned messages, no verification) that refuses the replays
  /// `replays` knows of (default: a guard of its own remembering `replayWindow` messages).
  public init(key: String, replays: ReplayGuard? = nil, replayWindow: Int = 65_536)
    throws(WireError)
  {
    self.replays = replays ?? ReplayGuard(capacity: replayWindow)
    if key.isEmpty {
      signer = nil
    } else {
      guard let signer = HMACSigner(key: Array(key.utf8)) else { throw .cryptoUnavailable }
      self.signer = signer
    }
  }

  /// The frames of `message`, signed.
  public func encode(_ message: Message) throws -> [[UInt8]] {
    let parent = try message.parentHeader.map { try Array(encoder.encode($0)) } ?? Self.emptyObject
    let parts = [
      try Array(encoder.encode(message.header)),
      parent,
      try Array(encoder.encode(message.metadata)),
      try Array(encoder.encode(message.content)),
    ]
    let signature = signer?.sign(parts) ?? []
    return message.identities + [Self.delimiter, signature] + parts + message.buffers
  }

  /// The message in `frames`, after checking its signature.
  public func decode(_ frames: [[UInt8]]) throws(WireError) -> Message {
    guard let split = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
    let body = frames[(split + 1)...]
    guard body.count >= 5 else { throw .tooFewFrames(body.count) }
    let signature = body[body.startIndex]
    let parts = Array(body[(body.startIndex + 1)..<(body.startIndex + 5)])
    try check(signature: signature, parts: parts)
    let header = try decodePart(MessageHeader.self, parts[0], name: "header")
    guard !header.msgType.isEmpty else { throw .malformed("header has no msg_type") }
    let parent =
      Self.isEmptyObject(parts[1])
      ? nil : try decodePart(MessageHeader.self, parts[1], name: "parent_header")
    let metadata = try decodePart(JSONValue.self, parts[2], name: "metadata")
    let content = try decodePart(JSONValue.self, parts[3], name: "content")
    guard case .object = content else { throw .malformed("content is not an object") }
    return Message(
      identities: Array(frames[..<split]), header: header, parentHeader: parent,
      metadata: metadata, content: content,
      buffers: Array(body.dropFirst(5)))
  }

  private func check(signature: [UInt8], parts: [[UInt8]]) throws(WireError) {
    guard let signer else { return }
    guard !signature.isEmpty else { throw .missingSignature }
    guard signer.verify(signature, parts: parts) else { throw .badSignature }
    guard replays.admit(signature: signature) else { throw .replayedSignature }
  }

  /// Whether `bytes` is `{}` (possibly with spaces): an absent parent header.
  static func isEmptyObject(_ bytes: [UInt8]) -> Bool {
    bytes.filter { ![32, 9, 10, 13].contains($0) } == [123, 125]
  }

  private func decodePart<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], name: String)
    throws(WireError) -> T
  {
    do {
      return try decoder.decode(type, from: Data(bytes))
    } catch {
      throw .malformed("\(name) is not valid JSON")
    }
  }
}

/// Why incoming frames were refused.
public enum WireError: Error, Equatable, CustomStringConvertible {
  case missingDelimiter
  case tooFewFrames(Int)
  case missingSignature
  case badSignature
  case replayedSignature
  case malformed(String)
  case cryptoUnavailable

  public var description: String {
    switch self {
    case .missingDelimiter: "no <IDS|MSG> delimiter"
    case .tooFewFrames(let count): "\(count) frames after the delimiter (5 needed)"
    case .missingSignature: "missing signature"
    case .badSignature: "wrong signature"
    case .replayedSignature: "signature seen before, on this or another channel (replay)"
    case .malformed(let reason): "malformed message: \(reason)"
    case .cryptoUnavailable: "libcrypto has no HMAC-SHA256"
    }
  }
}
