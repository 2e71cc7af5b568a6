import CTurboJPEG

/// JPEG files through libjpeg-turbo's TurboJPEG API: decoding to 8-bit gray or RGB, encoding RGB.
///
/// A corrupt or truncated file is an error (`PNGDecodingError.jpeg` with the library's message),
/// never a partly gray picture: libjpeg-turbo's warnings (such as "Premature end of JPEG file")
/// count as errors.
public enum JPEGCodec {
  /// The three bytes every JPEG file starts with (SOI and the first marker's 0xFF).
  static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

  /// Width, height and whether the image is grayscale, from the header alone.
  static func header(_ bytes: [UInt8]) throws -> (width: Int, height: Int, gray: Bool) {
    try withDecompressor { handle in
      var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
      let status = bytes.withUnsafeBufferPointer { buffer in
        tjDecompressHeader3(
          handle, buffer.baseAddress, UInt(buffer.count), &width, &height, &subsampling, &colorspace
        )
      }
      guard status == 0 else { throw PNGDecodingError.jpeg(message(handle)) }
      let (w, h) = (Int(width), Int(height))
      guard w > 0, h > 0 else {
        throw PNGDecodingError.jpeg("no frame header (the file is truncated)")
      }
      guard w >= 1, h >= 1, w * h <= ImageFile.largestPixelCount else {
        throw PNGDecodingError.badSize(width: w, height: h)
      }
      return (w, h, colorspace == Int32(TJCS_GRAY.rawValue))
    }
  }

  /// The pixels of a JPEG file: gray for a grayscale JPEG, RGB otherwise.
  static func decode(_ bytes: [UInt8]) throws -> Bitmap {
    let (width, height, gray) = try header(bytes)
    let format: PixelFormat = gray ? .gray : .rgb
    var pixels = [UInt8](repeating: 0, count: width * height * format.channels)
    try withDecompressor { handle in
      let status = pixels.withUnsafeMutableBufferPointer { target in
        bytes.withUnsafeBufferPointer { source in
          tjDecompress2(
            handle, source.baseAddress, UInt(source.count), target.baseAddress, Int32(width), 0,
            Int32(height),
            Int32(gray ? TJPF_GRAY.rawValue : TJPF_RGB.rawValue), TJFLAG_ACCURATEDCT)
        }
      }
      guard status == 0 else { throw PNGDecodingError.jpeg(message(handle)) }
    }
    return try Bitmap(width: width, height: height, format: format, pixels: pixels)
  }

  /// A baseline JPEG of a gray or RGB bitmap (RGBA drops its alpha), 4:4:4, `quality` 1…100.
  public static func encode(_ bitmap: Bitmap, quality: Int = 90) throws -> [UInt8] {
    let source =
      bitmap.format == .rgba
      ? bitmap.pixels.enumerated().filter { $0.offset % 4 != 3 }.map(\.element) : bitmap.pixels
    let gray = bitmap.format == .gray
    guard let handle = tjInitCompress() else {
      throw PNGDecodingError.jpeg("libjpeg-turbo could not start")
    }
    defer { tjDestroy(handle) }
    var output: UnsafeMutablePointer<UInt8>? = nil
    var size: UInt = 0
    let status = source.withUnsafeBufferPointer { buffer in
      tjCompress2(
        handle, buffer.baseAddress, Int32(bitmap.width), 0, Int32(bitmap.height),
        Int32(gray ? TJPF_GRAY.rawValue : TJPF_RGB.rawValue), &output, &size,
        Int32(gray ? TJSAMP_GRAY.rawValue : TJSAMP_444.rawValue), Int32(min(max(quality, 1), 100)),
        TJFLAG_ACCURATEDCT)
    }
    defer { tjFree(output) }
    guard status == 0, let output else { throw PNGDecodingError.jpeg(message(handle)) }
    return Array(UnsafeBufferPointer(start: output, count: Int(size)))
  }

  private static func withDecompressor<T>(_ body: (tjhandle) throws -> T) throws -> T {
    guard let handle = tjInitDecompress() else {
      throw PNGDecodingError.jpeg("libjpeg-turbo could not start")
    }
    defer { tjDestroy(handle) }
    return try body(handle)
  }

  private static func message(_ handle: tjhandle) -> String {
    guard let text = tjGetErrorStr2(handle) else { return "unknown error" }
    return String(cString: text)
  }
}
