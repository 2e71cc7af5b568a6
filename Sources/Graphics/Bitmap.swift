/// How a bitmap stores one pixel.
public enum PixelFormat: Sendable, Hashable {
  /// One byte per pixel, 0 black … 255 white.
  case gray
  /// Three bytes per pixel: red, green, blue.
  case rgb
  /// Four bytes per pixel: red, green, blue, straight alpha.
  case rgba

  /// Bytes per pixel.
  public var channels: Int {
    switch self {
    case .gray: 1
    case .rgb: 3
    case .rgba: 4
    }
  }
}

/// Why a bitmap could not be made.
public enum BitmapError: Error, Equatable, CustomStringConvertible {
  /// Width or height is not positive, or the size overflows.
  case invalidSize(width: Int, height: Int)
  /// The byte count is not width × height × channels.
  case wrongByteCount(expected: Int, actual: Int)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .invalidSize(let width, let height):
      "bitmap size \(width)x\(height) is invalid: both sides must be positive"
    case .wrongByteCount(let expected, let actual):
      "bitmap needs \(expected) bytes (width x height x channels) but got \(actual)"
    }
  }
}

/// An 8-bit raster image, rows top to bottom, pixels interleaved (`[y][x][channel]`).
///
/// Byte `(y · width + x) · channels + c` holds channel `c` of pixel (x, y).
public struct Bitmap: Sendable, Hashable {
  /// Pixels per row.
  public let width: Int
  /// Number of rows.
  public let height: Int
  /// Channel layout.
  public let format: PixelFormat
  /// The bytes, `width · height · format.channels` of them.
  public internal(set) var pixels: [UInt8]

  /// A bitmap over existing bytes.
  /// - Throws: `BitmapError` if the size is not positive or the byte count does not match.
  public init(width: Int, height: Int, format: PixelFormat, pixels: [UInt8]) throws {
    let expected = try Bitmap.byteCount(width: width, height: height, format: format)
    guard pixels.count == expected else {
      throw BitmapError.wrongByteCount(expected: expected, actual: pixels.count)
    }
    self.width = width
    self.height = height
    self.format = format
    self.pixels = pixels
  }

  /// A bitmap filled with one colour (converted to the format: gray uses luminance).
  /// - Throws: `BitmapError.invalidSize` if a side is not positive.
  public init(width: Int, height: Int, format: PixelFormat = .rgba, fill: Color) throws {
    let count = try Bitmap.byteCount(width: width, height: height, format: format)
    let pixel = Bitmap.bytes(of: fill, in: format)
    var pixels = [UInt8]()
    pixels.reserveCapacity(count)
    for _ in 0..<(width * height) { pixels.append(contentsOf: pixel) }
    self.width = width
    self.height = height
    self.format = format
    self.pixels = pixels
  }

  /// The colour of pixel (x, y); gray and RGB pixels are opaque.
  public func color(x: Int, y: Int) -> Color {
    let base = (y * width + x) * format.channels
    switch format {
    case .gray: return Color(gray: pixels[base])
    case .rgb: return Color(red: pixels[base], green: pixels[base + 1], blue: pixels[base + 2])
    case .rgba:
      return Color(
        red: pixels[base], green: pixels[base + 1], blue: pixels[base + 2],
        alpha: pixels[base + 3])
    }
  }

  /// Sets pixel (x, y) to `color`, converted to the format.
  public mutating func setColor(_ color: Color, x: Int, y: Int) {
    let base = (y * width + x) * format.channels
    for (offset, byte) in Bitmap.bytes(of: color, in: format).enumerated() {
      pixels[base + offset] = byte
    }
  }

  /// A copy enlarged `factor` times by nearest neighbour (each pixel becomes a factor² block).
  ///
  /// Returns the bitmap unchanged when `factor` ≤ 1 or the result would exceed 2³¹ bytes.
  public func upscaled(by factor: Int) -> Bitmap {
    guard factor > 1, factor <= 1 << 15,
      (try? Bitmap.byteCount(width: width * factor, height: height * factor, format: format)) != nil
    else { return self }
    let channels = format.channels
    var out = [UInt8](repeating: 0, count: width * height * factor * factor * channels)
    let outWidth = width * factor
    for y in 0..<(height * factor) {
      for x in 0..<outWidth {
        let source = ((y / factor) * width + x / factor) * channels
        let target = (y * outWidth + x) * channels
        for c in 0..<channels { out[target + c] = pixels[source + c] }
      }
    }
    return Bitmap(unchecked: outWidth, height * factor, format, out)
  }

  /// A bitmap whose size the caller has already checked.
  init(unchecked width: Int, _ height: Int, _ format: PixelFormat, _ pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.format = format
    self.pixels = pixels
  }

  static func byteCount(width: Int, height: Int, format: PixelFormat) throws -> Int {
    guard width > 0, height > 0 else { throw BitmapError.invalidSize(width: width, height: height) }
    let (area, overflow1) = width.multipliedReportingOverflow(by: height)
    let (count, overflow2) = area.multipliedReportingOverflow(by: format.channels)
    guard !overflow1, !overflow2, count <= 1 << 31 else {
      throw BitmapError.invalidSize(width: width, height: height)
    }
    return count
  }

  static func bytes(of color: Color, in format: PixelFormat) -> [UInt8] {
    switch format {
    case .gray: [Color.channel(color.luminance * 255)]
    case .rgb: [color.red, color.green, color.blue]
    case .rgba: [color.red, color.green, color.blue, color.alpha]
    }
  }
}
