/// Unfiltered PNG scanlines to 8-bit gray, RGB or RGBA pixels.
enum PNGPixels {
  /// `rows` (height rows of `stride` bytes) as the interleaved bytes of `header.format`.
  ///
  /// 16-bit samples keep their high byte; gray below 8 bits is scaled to 0…255 (v·255/(2^d − 1));
  /// palette indices look up `PLTE` (alpha from `tRNS`, 255 where it has none); gray+alpha becomes RGBA.
  static func convert(
    _ rows: [UInt8], header: PNGDecoder.Header, stride: Int,
    palette: [UInt8]?, transparency: [UInt8]?
  ) throws -> [UInt8] {
    let (width, height, depth) = (header.width, header.height, header.bitDepth)
    let samples = header.samples
    if depth == 8, [0, 2, 6].contains(header.colorType) { return rows }
    var out = [UInt8]()
    out.reserveCapacity(width * height * header.format.channels)
    let colors = try paletteColors(header, palette, transparency)
    for y in 0..<height {
      let row = y * stride
      for x in 0..<width {
        var pixel = [UInt8](repeating: 0, count: samples)
        for s in 0..<samples {
          pixel[s] = sample(rows, row: row, index: x * samples + s, depth: depth)
        }
        switch header.colorType {
        case 3:
          let index = Int(pixel[0])
          guard index < colors.count else {
            throw PNGDecodingError.unsupported(
              "a palette index \(index) beyond its \(colors.count) colours")
          }
          out += colors[index]
        case 0 where depth < 8:
          out.append(UInt8(Int(pixel[0]) * 255 / ((1 << depth) - 1)))
        case 4:
          out += [pixel[0], pixel[0], pixel[0], pixel[1]]
        default:
          out += pixel
        }
      }
    }
    return out
  }

  /// Sample `index` of a row: the high byte of a 16-bit one, the bits of a packed one.
  static func sample(_ rows: [UInt8], row: Int, index: Int, depth: Int) -> UInt8 {
    switch depth {
    case 8: return rows[row + index]
    case 16: return rows[row + 2 * index]
    default:
      let bit = index * depth
      let byte = rows[row + bit / 8]
      let shift = 8 - depth - bit % 8
      return (byte >> UInt8(shift)) & UInt8((1 << depth) - 1)
    }
  }

  /// The palette as RGBA entries (empty unless the colour type is 3).
  static func paletteColors(_ header: PNGDecoder.Header, _ palette: [UInt8]?, _ alpha: [UInt8]?)
    throws -> [[UInt8]]
  {
    guard header.colorType == 3 else { return [] }
    guard let palette, palette.count % 3 == 0, !palette.isEmpty, palette.count <= 768 else {
      throw PNGDecodingError.unsupported("a palette image without a valid PLTE chunk")
    }
    return (0..<(palette.count / 3)).map { i in
      [
        palette[3 * i], palette[3 * i + 1], palette[3 * i + 2],
        alpha.flatMap { i < $0.count ? $0[i] : nil } ?? 255,
      ]
    }
  }
}
