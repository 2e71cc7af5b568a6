/// Image files by their contents: PNG (Stride's own decoder over zlib) or JPEG (libjpeg-turbo).
///
/// ```swift
/// let bitmap = try ImageFile.decode(bytes)   // .gray, .rgb or .rgba, 8 bits per channel
/// ```
public enum ImageFile {
  /// The most pixels a decoded image may have (8192 × 8192): larger files are refused before
  /// any pixel memory is allocated.
  public static let largestPixelCount = 1 << 26

  /// The pixels of a PNG or JPEG file, told apart by their signature.
  /// - Throws: `PNGDecodingError` naming what is wrong (not an image, truncated, corrupt, unsupported).
  public static func decode(_ bytes: [UInt8]) throws -> Bitmap {
    if bytes.starts(with: PNGEncoder.signature) { return try PNGDecoder.decode(bytes) }
    if bytes.starts(with: JPEGCodec.signature) { return try JPEGCodec.decode(bytes) }
    throw PNGDecodingError.notPNG
  }

  /// Width, height and channels (1, 3 or 4) of the decoded image, from the header alone.
  public static func size(_ bytes: [UInt8]) throws -> (width: Int, height: Int, channels: Int) {
    if bytes.starts(with: PNGEncoder.signature) {
      let header = try PNGDecoder.readHeader(bytes)
      return (header.width, header.height, header.format.channels)
    }
    if bytes.starts(with: JPEGCodec.signature) {
      let header = try JPEGCodec.header(bytes)
      return (header.width, header.height, header.gray ? 1 : 3)
    }
    throw PNGDecodingError.notPNG
  }
}
