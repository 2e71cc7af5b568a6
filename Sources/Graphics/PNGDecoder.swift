import CZlib

/// Why image bytes (PNG or JPEG) could not be decoded.
public enum PNGDecodingError: Error, Equatable, CustomStringConvertible {
  /// The bytes do not start with the PNG signature.
  case notPNG
  /// A chunk runs past the end of the data.
  case truncated
  /// A chunk's CRC-32 does not match its contents.
  case badChecksum(chunk: String)
  /// A header this decoder does not handle (interlacing, an unknown colour type or bit depth).
  case unsupported(String)
  /// zlib rejected the image data (includes a wrong Adler-32 and a stream of the wrong length).
  case badImageData
  /// More pixels than `ImageFile.largestPixelCount`, or a side of 0.
  case badSize(width: Int, height: Int)
  /// libjpeg-turbo's own message for a corrupt, truncated or unsupported JPEG.
  case jpeg(String)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .notPNG: "not a PNG or JPEG file (the first bytes are neither signature)"
    case .truncated: "the PNG data is truncated (a chunk runs past the end of the file)"
    case .badChecksum(let chunk): "the PNG chunk \(chunk) is corrupt (its CRC-32 does not match)"
    case .unsupported(let what): "this PNG uses \(what), which Stride does not read"
    case .badImageData:
      "the PNG image data is corrupt or truncated (zlib could not inflate it to the expected size)"
    case .badSize(let width, let height):
      "the image size \(width)x\(height) is invalid (sides ≥ 1, at most \(ImageFile.largestPixelCount) pixels)"
    case .jpeg(let message): "the JPEG data is corrupt or unsupported: \(message)"
    }
  }
}

/// A PNG reader: gray, gray+alpha, RGB, RGBA (8 or 16 bits, 16 keeps the high byte), gray and
/// palette at 1, 2, 4 or 8 bits; not interlaced. Gray+alpha and palette become RGBA or RGB.
///
/// It checks every chunk's CRC-32 and, through zlib, the stream's Adler-32 and length.
enum PNGDecoder {
  /// The IHDR fields that matter: size, bit depth, colour type.
  struct Header {
    let width: Int, height: Int, bitDepth: Int, colorType: Int
    /// Samples per pixel in the file.
    var samples: Int { [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][colorType] ?? 1 }
    /// The bitmap format the pixels become.
    var format: PixelFormat { colorType == 0 ? .gray : colorType == 2 ? .rgb : .rgba }
  }

  static func decode(_ bytes: [UInt8]) throws -> Bitmap {
    let chunks = try readChunks(bytes)
    let header = try readHeader(chunks)
    let data = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
    let stride = (header.width * header.samples * header.bitDepth + 7) / 8
    let bpp = max(1, header.samples * header.bitDepth / 8)
    let raw = try inflate(data, expected: (stride + 1) * header.height)
    let rows = try unfilter(raw, stride: stride, height: header.height, bpp: bpp)
    let palette = chunks.first(where: { $0.type == "PLTE" })?.data
    let transparency = chunks.first(where: { $0.type == "tRNS" })?.data
    let pixels = try PNGPixels.convert(
      rows, header: header, stride: stride, palette: palette, transparency: transparency)
    return try Bitmap(
      width: header.width, height: header.height, format: header.format, pixels: pixels)
  }

  /// The size and channels of a PNG, from its header alone.
  static func readHeader(_ bytes: [UInt8]) throws -> Header { try readHeader(readChunks(bytes)) }

  static func readHeader(_ chunks: [(type: String, data: [UInt8])]) throws -> Header {
    guard let ihdr = chunks.first(where: { $0.type == "IHDR" })?.data, ihdr.count == 13
    else { throw PNGDecodingError.unsupported("no IHDR header") }
    let header = Header(
      width: Int(readUInt32(ihdr, at: 0)), height: Int(readUInt32(ihdr, at: 4)),
      bitDepth: Int(ihdr[8]), colorType: Int(ihdr[9]))
    guard header.width >= 1, header.height >= 1,
      header.width * header.height <= ImageFile.largestPixelCount
    else {
      throw PNGDecodingError.badSize(width: header.width, height: header.height)
    }
    let depths: [Int: [Int]] = [
      0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16],
    ]
    guard let allowed = depths[header.colorType] else {
      throw PNGDecodingError.unsupported("colour type \(header.colorType)")
    }
    guard allowed.contains(header.bitDepth) else {
      throw PNGDecodingError.unsupported(
        "bit depth \(header.bitDepth) with colour type \(header.colorType)")
    }
    guard ihdr[12] == 0 else { throw PNGDecodingError.unsupported("interlacing (Adam7)") }
    return header
  }

  static func readChunks(_ bytes: [UInt8]) throws -> [(type: String, data: [UInt8])] {
    guard bytes.starts(with: PNGEncoder.signature) else { throw PNGDecodingError.notPNG }
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
      if type == "IEND" { return chunks }
    }
    throw PNGDecodingError.truncated
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
      guard type <= 4 else { throw PNGDecodingError.unsupported("row filter \(type)") }
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
