import CZlib

/// Encodes a `Bitmap` as a PNG file in memory (8-bit gray, RGB or RGBA; no interlace).
///
/// Layout: signature, `IHDR`, one `IDAT` (zlib stream with its Adler-32), `IEND`; each chunk
/// ends with the CRC-32 of its type and data. Every row is filtered with whichever of the five
/// PNG filters gives the smallest sum of |signed bytes| (the usual heuristic).
///
/// ```swift
/// let bitmap = try Bitmap(width: 2, height: 1, format: .gray, pixels: [0, 255])
/// let bytes = PNGEncoder.encode(bitmap)   // starts with 0x89 "PNG"
/// ```
public enum PNGEncoder {
  /// The eight bytes every PNG file starts with.
  public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// The PNG file for `bitmap`; `compressionLevel` is zlib's 0 (stored) … 9 (smallest).
  public static func encode(_ bitmap: Bitmap, compressionLevel: Int = 6) -> [UInt8] {
    var out = signature
    appendChunk("IHDR", header(of: bitmap), to: &out)
    let level = Int32(min(max(compressionLevel, 0), 9))
    appendChunk("IDAT", deflate(PNGFilter.filterRows(of: bitmap), level: level), to: &out)
    appendChunk("IEND", [], to: &out)
    return out
  }

  /// CRC-32 (ISO 3309, as PNG uses it) of `bytes`, via zlib.
  public static func crc32(_ bytes: [UInt8]) -> UInt32 {
    let initial = CZlib.crc32(0, nil, 0)
    return bytes.withUnsafeBufferPointer { buffer in
      UInt32(CZlib.crc32(initial, buffer.baseAddress, uInt(buffer.count)))
    }
  }

  /// The 13 data bytes of `IHDR`: size, bit depth 8, colour type, default methods.
  static func header(of bitmap: Bitmap) -> [UInt8] {
    let colorType: UInt8 =
      switch bitmap.format {
      case .gray: 0
      case .rgb: 2
      case .rgba: 6
      }
    return bigEndian(UInt32(bitmap.width)) + bigEndian(UInt32(bitmap.height))
      + [8, colorType, 0, 0, 0]
  }

  /// Appends length, type, data and CRC-32(type + data).
  static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
    let typeBytes = Array(type.utf8)
    out += bigEndian(UInt32(data.count))
    out += typeBytes
    out += data
    out += bigEndian(crc32(typeBytes + data))
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff),
      UInt8(value & 0xff),
    ]
  }

  /// A zlib stream (header, deflate data, Adler-32 trailer) of `bytes`.
  static func deflate(_ bytes: [UInt8], level: Int32) -> [UInt8] {
    var capacity = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: Int(capacity))
    let status = out.withUnsafeMutableBufferPointer { target in
      bytes.withUnsafeBufferPointer { source in
        compress2(target.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
      }
    }
    precondition(status == Z_OK, "zlib compress2 failed with status \(status) (out of memory?)")
    return Array(out.prefix(Int(capacity)))
  }
}

/// The five PNG row filters (None, Sub, Up, Average, Paeth) and their inverse.
enum PNGFilter {
  /// Filtered scanlines: each row is its filter type byte followed by the filtered bytes.
  static func filterRows(of bitmap: Bitmap) -> [UInt8] {
    let stride = bitmap.width * bitmap.format.channels
    var out = [UInt8](repeating: 0, count: (stride + 1) * bitmap.height)
    var scratch = [UInt8](repeating: 0, count: 5 * stride)
    let zeros = [UInt8](repeating: 0, count: stride)
    bitmap.pixels.withUnsafeBufferPointer { pixels in
      zeros.withUnsafeBufferPointer { zeroRow in
        scratch.withUnsafeMutableBufferPointer { candidates in
          out.withUnsafeMutableBufferPointer { target in
            for y in 0..<bitmap.height {
              let row = UnsafeBufferPointer(rebasing: pixels[(y * stride)..<((y + 1) * stride)])
              let previous =
                y > 0
                ? UnsafeBufferPointer(rebasing: pixels[((y - 1) * stride)..<(y * stride)]) : zeroRow
              let best = chooseFilter(
                row: row, previous: previous, bpp: bitmap.format.channels,
                scratch: candidates)
              target[y * (stride + 1)] = UInt8(best)
              for i in 0..<stride {
                target[y * (stride + 1) + 1 + i] = candidates[best * stride + i]
              }
            }
          }
        }
      }
    }
    return out
  }

  /// Filters `row` all five ways into `scratch` (five rows) and returns the cheapest type.
  static func chooseFilter(
    row: UnsafeBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>, bpp: Int,
    scratch: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    let stride = row.count
    var best = 0
    var bestCost = Int.max
    for type in 0...4 {
      let out = UnsafeMutableBufferPointer(
        rebasing: scratch[(type * stride)..<((type + 1) * stride)])
      fill(out, row: row, previous: previous, bpp: bpp, type: type)
      var cost = 0
      for byte in out { cost &+= Int(Int8(bitPattern: byte).magnitude) }
      if cost < bestCost { (best, bestCost) = (type, cost) }
    }
    return best
  }

  /// Writes `row` filtered with `type` into `out`; one tight loop per filter type.
  static func fill(
    _ out: UnsafeMutableBufferPointer<UInt8>, row: UnsafeBufferPointer<UInt8>,
    previous: UnsafeBufferPointer<UInt8>, bpp: Int, type: Int
  ) {
    let count = row.count
    let head = min(bpp, count)
    switch type {
    case 1:
      for i in 0..<head { out[i] = row[i] }
      for i in head..<count { out[i] = row[i] &- row[i - bpp] }
    case 2:
      for i in 0..<count { out[i] = row[i] &- previous[i] }
    case 3:
      for i in 0..<head { out[i] = row[i] &- previous[i] / 2 }
      for i in head..<count {
        out[i] = row[i] &- UInt8((UInt16(row[i - bpp]) + UInt16(previous[i])) / 2)
      }
    case 4:
      for i in 0..<head { out[i] = row[i] &- previous[i] }
      for i in head..<count {
        out[i] = row[i] &- paeth(Int(row[i - bpp]), Int(previous[i]), Int(previous[i - bpp]))
      }
    default:
      for i in 0..<count { out[i] = row[i] }
    }
  }

  /// One row filtered with filter `type` (0…4), given the unfiltered row above.
  static func filter(_ row: [UInt8], previous: [UInt8], bpp: Int, type: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: row.count)
    for i in row.indices {
      let left = i >= bpp ? row[i - bpp] : 0
      let upLeft = i >= bpp ? previous[i - bpp] : 0
      out[i] = row[i] &- predictor(type, left: left, up: previous[i], upLeft: upLeft)
    }
    return out
  }

  /// One row unfiltered in place, given the already unfiltered row above.
  static func unfilter(_ row: inout [UInt8], previous: [UInt8], bpp: Int, type: Int) {
    for i in row.indices {
      let left = i >= bpp ? row[i - bpp] : 0
      let upLeft = i >= bpp ? previous[i - bpp] : 0
      row[i] = row[i] &+ predictor(type, left: left, up: previous[i], upLeft: upLeft)
    }
  }

  /// The byte each filter predicts from the left, upper and upper-left neighbours.
  static func predictor(_ type: Int, left: UInt8, up: UInt8, upLeft: UInt8) -> UInt8 {
    switch type {
    case 1: return left
    case 2: return up
    case 3: return UInt8((Int(left) + Int(up)) / 2)
    case 4: return paeth(Int(left), Int(up), Int(upLeft))
    default: return 0
    }
  }

  /// The Paeth predictor: whichever of a, b, c is closest to a + b − c (ties: a, b, c).
  static func paeth(_ a: Int, _ b: Int, _ c: Int) -> UInt8 {
    let p = a + b - c
    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
    if pa <= pb && pa <= pc { return UInt8(a) }
    return pb <= pc ? UInt8(b) : UInt8(c)
  }
}
