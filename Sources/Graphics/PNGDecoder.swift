import CZlib

/// Why PNG bytes could not be decoded.
enum PNGDecodingError: Error, Equatable {
  /// The bytes do not start with the PNG signature.
  case notPNG
  /// A chunk runs past the end of the data.
  case truncated
  /// A chunk's CRC-32 does not match its contents.
  case badChecksum(chunk: String)
  /// A header this decoder does not handle (only what `PNGEncoder` writes).
  case unsupported(String)
  /// zlib rejected the image data (includes a wrong Adler-32).
  case badImageData
}

/// A minimal PNG reader for tests: 8-bit gray, RGB or RGBA, not interlaced.
///
/// It checks every chunk's CRC-32 and, through zlib, the stream's Adler-32.
enum PNGDecoder {
  static func decode(_ bytes: [UInt8]) throws -> Bitmap {
    guard bytes.starts(with: PNGEncoder.signature) else { throw PNGDecodingError.notPNG }
    let chunks = try readChunks(bytes)
    guard let header = chunks.first(where: { $0.type == "IHDR" })?.data, header.count == 13
    else { throw PNGDecodingError.unsupported("missing IHDR") }
    let width = Int(readUInt32(header, at: 0))
    let height = Int(readUInt32(header, at: 4))
    let format = try pixelFormat(bitDepth: header[8], colorType: header[9])
    guard header[12] == 0 else { throw PNGDecodingError.unsupported("interlaced") }
    let data = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
    let stride = width * format.channels
    let raw = try inflate(data, expected: (stride + 1) * height)
    return try Bitmap(
      width: width, height: height, format: format,
      pixels: try unfilter(raw, stride: stride, height: height, bpp: format.channels))
  }

  static func readChunks(_ bytes: [UInt8]) throws -> [(type: String, data: [UInt8])] {
    var chunks: [(type: String, data: [UInt8])] = []
    var offset = PNGEncoder.signature.count
    while offset + 12 <= bytes.count {
      let length = Int(readUInt32(bytes, at: offset))
      guard length <= bytes.count - offset - 12 else { throw PNGDecodingError.truncated }
      let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
      let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
      guard PNGEncoder.crc32(typeAndData) == readUInt32(bytes, at: offset + 8 + length) else {
        throw PNGDecodingError.badChecksum(chunk: type)
      }
      chunks.append((type, Array(typeAndData.dropFirst(4))))
      offset += 12 + length
    }
    guard offset == bytes.count else { throw PNGDecodingError.truncated }
    return chunks
  }

  static func pixelFormat(bitDepth: UInt8, colorType: UInt8) throws -> PixelFormat {
    guard bitDepth == 8 else { throw PNGDecodingError.unsupported("bit depth \(bitDepth)") }
    switch colorType {
    case 0: return .gray
    case 2: return .rgb
    case 6: return .rgba
    default: throw PNGDecodingError.unsupported("colour type \(colorType)")
    }
  }

  static func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: expected)
    var length = uLongf(expected)
    let status = out.withUnsafeMutableBufferPointer { target in
      data.withUnsafeBufferPointer { source in
        uncompress(target.baseAddress, &length, source.baseAddress, uLong(source.count))
      }
    }
    guard status == Z_OK, Int(length) == expected else { throw PNGDecodingError.badImageData }
    return out
  }

  static func unfilter(_ raw: [UInt8], stride: Int, height: Int, bpp: Int) throws -> [UInt8] {
    var pixels = [UInt8]()
    pixels.reserveCapacity(stride * height)
    var previous = [UInt8](repeating: 0, count: stride)
    for y in 0..<height {
      let start = y * (stride + 1)
      let type = Int(raw[start])
      guard type <= 4 else { throw PNGDecodingError.unsupported("filter \(type)") }
      var row = Array(raw[(start + 1)..<(start + 1 + stride)])
      PNGFilter.unfilter(&row, previous: previous, bpp: bpp, type: type)
      pixels += row
      previous = row
    }
    return pixels
  }

  static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
