import CZlib
import Foundation

/// Gzip decompression through zlib's `inflate` (window bits 16 + MAX_WBITS: gzip only).
enum Gzip {
  /// Whether `bytes` start with the gzip magic number 1f 8b.
  static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// The output size to allocate first: the trailer's ISIZE (size mod 2³²) plus one byte, so a
  /// well-formed file inflates without regrowing. A damaged trailer cannot make it allocate more
  /// than deflate's maximum ratio (1032:1) allows for the input.
  static func initialCapacity(_ input: [UInt8]) -> Int {
    guard input.count >= 18 else { return 1 << 16 }
    let n = input.count
    let size =
      Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
    return min(max(size + 1, 1 << 16), input.count * 1032 + (1 << 16))
  }

  /// Inflates a whole gzip member; `path` only names the file in errors.
  ///
  /// The output grows geometrically, so any size the stream really holds is read; a damaged or
  /// cut-off stream is a `DataError.badCompression`.
  static func decompress(_ input: [UInt8], path: String) throws(DataError) -> [UInt8] {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)  // z_stream must not move
    stream.initialize(to: z_stream())
    defer {
      stream.deinitialize(count: 1)
      stream.deallocate()
    }
    guard czlib_inflate_init2(stream, 16 + MAX_WBITS) == Z_OK else {
      throw .badCompression(path: path, reason: "zlib could not start")
    }
    defer { inflateEnd(stream) }
    var output = [UInt8](repeating: 0, count: initialCapacity(input))
    var produced = 0
    var status = Z_OK
    input.withUnsafeBufferPointer { source in
      stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.pointee.avail_in = uInt(source.count)
      while status == Z_OK {
        if produced == output.count {
          output.append(contentsOf: repeatElement(0, count: max(output.count, 1 << 16)))
        }
        output.withUnsafeMutableBufferPointer { target in
          let room = min(target.count - produced, Int(UInt32.max))
          stream.pointee.next_out = target.baseAddress! + produced
          stream.pointee.avail_out = uInt(room)
          status = inflate(stream, Z_NO_FLUSH)
          produced += room - Int(stream.pointee.avail_out)
        }
      }
    }
    guard status == Z_STREAM_END else {
      let reason =
        status == Z_BUF_ERROR || status == Z_OK
        ? "the stream ends early" : "the data is damaged (zlib status \(status))"
      throw .badCompression(path: path, reason: reason)
    }
    output.removeLast(output.count - produced)
    return output
  }
}
