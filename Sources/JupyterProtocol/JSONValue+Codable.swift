import Display
import Foundation

/// Codable for the open-ended JSON of messages: objects, arrays, strings, numbers, booleans, null.
///
/// Integers stay `.int` (a JSON number without fraction or exponent that fits `Int`); other
/// numbers are `.double`. Booleans are never confused with numbers.
extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      var elements: [JSONValue] = []
      while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
      self = .array(elements)
      return
    }
    if let object = try? decoder.container(keyedBy: AnyKey.self) {
      var members: [String: JSONValue] = [:]
      for key in object.allKeys {
        members[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
      }
      self = .object(members)
      return
    }
    self = try Self.decodeScalar(try decoder.singleValueContainer())
  }

  private static func decodeScalar(_ single: any SingleValueDecodingContainer) throws -> JSONValue {
    if single.decodeNil() { return .null }
    if let value = try? single.decode(Bool.self) { return .bool(value) }
    if let value = try? single.decode(Int.self) { return .int(value) }
    if let value = try? single.decode(Double.self) { return .double(value) }
    if let value = try? single.decode(String.self) { return .string(value) }
    throw DecodingError.dataCorruptedError(in: single, debugDescription: "not a JSON value")
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .int(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .double(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value.isFinite ? value : 0)
    case .string(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .array(let elements):
      var array = encoder.unkeyedContainer()
      for element in elements { try array.encode(element) }
    case .object(let members):
      var object = encoder.container(keyedBy: AnyKey.self)
      for (key, value) in members { try object.encode(value, forKey: AnyKey(key)) }
    }
  }
}

/// A coding key made from any string (object members of `JSONValue`).
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { return nil }
}

extension JSONValue {
  /// The value of an `Encodable` (a typed message content) as JSON.
  public init(encoding value: some Encodable) throws {
    let data = try JSONCoding.encoder().encode(value)
    self = try JSONCoding.decoder().decode(JSONValue.self, from: data)
  }

  /// Decodes this JSON as a typed value (e.g. a request's content).
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let data = try JSONCoding.encoder().encode(self)
    return try JSONCoding.decoder().decode(type, from: data)
  }

  /// UTF-8 JSON text of this value.
  public func jsonData() throws -> Data { try JSONCoding.encoder().encode(self) }

  /// Parses UTF-8 JSON text.
  public init(jsonData: Data) throws {
    self = try JSONCoding.decoder().decode(JSONValue.self, from: jsonData)
  }

  /// The members of an object (empty for any other value).
  public var objectValue: [String: JSONValue] {
    if case .object(let members) = self { return members }
    return [:]
  }
}

/// Encoders and decoders configured for Jupyter JSON (no escaped slashes).
enum JSONCoding {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return encoder
  }

  static func decoder() -> JSONDecoder { JSONDecoder() }
}
