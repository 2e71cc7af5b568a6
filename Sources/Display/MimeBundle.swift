import TextFormat

/// A value's representations keyed by MIME type, as Jupyter's `display_data` carries them.
///
/// Text types (`text/plain`, `text/html`, `image/svg+xml`, `text/latex`, `text/markdown`) hold the
/// text itself; binary types (`image/png`) hold base64. `metadata` is keyed by MIME type too, e.g.
/// `["image/png": ["width": 640, "height": 480]]`. Every bundle has `text/plain`.
public struct MimeBundle: Sendable, Equatable {
  /// MIME type → text or base64.
  public var data: [String: String]
  /// MIME type → metadata object (width, height, isolated, …).
  public var metadata: [String: JSONValue]

  /// A bundle with only a plain-text form.
  public init(plain: String) {
    self.data = ["text/plain": plain]
    self.metadata = [:]
  }

  /// A bundle from explicit parts.
  public init(data: [String: String], metadata: [String: JSONValue] = [:]) {
    self.data = data
    self.metadata = metadata
  }

  /// The plain-text form ("" if absent).
  public var plainText: String { data["text/plain"] ?? "" }

  /// Adds or replaces one representation, with optional metadata.
  public mutating func add(_ mimeType: String, _ content: String, metadata: JSONValue? = nil) {
    data[mimeType] = content
    if let metadata { self.metadata[mimeType] = metadata }
  }

  /// Adds a binary representation, base64-encoded.
  public mutating func add(_ mimeType: String, bytes: [UInt8], metadata: JSONValue? = nil) {
    add(mimeType, Base64.encode(bytes), metadata: metadata)
  }
}
