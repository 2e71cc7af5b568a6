/// Standard base64 (RFC 4648, with padding), without Foundation.
public enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Encodes bytes; three bytes become four characters, the tail padded with `=`.
  public static func encode(_ bytes: [UInt8]) -> String {
    var out = [UInt8]()
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index + 3 <= bytes.count {
      let chunk =
        UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      appendQuad(chunk, count: 4, to: &out)
      index += 3
    }
    let rest = bytes.count - index
    if rest > 0 {
      var chunk = UInt32(bytes[index]) << 16
      if rest == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
      appendQuad(chunk, count: rest + 1, to: &out)
      out.append(contentsOf: Array(repeating: UInt8(ascii: "="), count: 3 - rest))
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendQuad(_ chunk: UInt32, count: Int, to out: inout [UInt8]) {
    for position in 0..<count {
      let shift = UInt32(18 - 6 * position)
      out.append(alphabet[Int((chunk >> shift) & 63)])
    }
  }

  /// Decodes base64 text; returns nil on a character outside the alphabet or a bad length.
  public static func decode(_ text: String) -> [UInt8]? {
    var values = [UInt8]()
    for byte in text.utf8 where byte != UInt8(ascii: "=") {
      guard let value = sextet(byte) else { return nil }
      values.append(value)
    }
    guard values.count % 4 != 1 else { return nil }
    var out = [UInt8]()
    var index = 0
    while index < values.count {
      let group = values[index..<min(index + 4, values.count)]
      var chunk: UInt32 = 0
      for (offset, value) in group.enumerated() {
        chunk |= UInt32(value) << UInt32(18 - 6 * offset)
      }
      for position in 0..<(group.count - 1) {
        out.append(UInt8((chunk >> UInt32(16 - 8 * position)) & 255))
      }
      index += 4
    }
    return out
  }

  private static func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): return 62
    case UInt8(ascii: "/"): return 63
    default: return nil
    }
  }
}
