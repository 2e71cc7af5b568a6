/// Standard base64 with padding (RFC 4648), for `data:` URLs inside SVG.
enum Base64Encoding {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Three bytes become four characters; the tail is padded with `=`.
  static func encode(_ bytes: [UInt8]) -> String {
    var out = [UInt8]()
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let count = min(3, bytes.count - index)
      var chunk: UInt32 = 0
      for offset in 0..<3 {
        let byte = offset < count ? UInt32(bytes[index + offset]) : 0
        chunk = chunk << 8 | byte
      }
      for position in 0..<4 {
        if position <= count {
          out.append(alphabet[Int((chunk >> UInt32(18 - 6 * position)) & 63)])
        } else {
          out.append(UInt8(ascii: "="))
        }
      }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }
}
