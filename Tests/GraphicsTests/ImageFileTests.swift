import CZlib
import Testing

@testable import Graphics

/// A PNG written by hand: the given IHDR fields, extra chunks, and rows filtered with None.
func handMadePNG(
  width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, rows: [[UInt8]],
  extra: [(String, [UInt8])] = []
) -> [UInt8] {
  var out = PNGEncoder.signature
  PNGEncoder.appendChunk(
    "IHDR",
    PNGEncoder.bigEndian(UInt32(width)) + PNGEncoder.bigEndian(UInt32(height))
      + [bitDepth, colorType, 0, 0, 0], to: &out)
  for (type, data) in extra { PNGEncoder.appendChunk(type, data, to: &out) }
  PNGEncoder.appendChunk("IDAT", PNGEncoder.deflate(rows.flatMap { [0] + $0 }, level: 6), to: &out)
  PNGEncoder.appendChunk("IEND", [], to: &out)
  return out
}

@Test func paletteImagesBecomeRGBAWithTheirTransparency() throws {
  // 2-bit indices: a row of 3 pixels 0, 1, 2 packed as 00 01 10 00 = 0b0001_1000.
  let png = handMadePNG(
    width: 3, height: 1, bitDepth: 2, colorType: 3, rows: [[0b0001_1000]],
    extra: [("PLTE", [255, 0, 0, 0, 255, 0, 0, 0, 255]), ("tRNS", [128])])
  let bitmap = try ImageFile.decode(png)
  #expect(bitmap.format == .rgba)
  #expect(bitmap.pixels == [255, 0, 0, 128, 0, 255, 0, 255, 0, 0, 255, 255])
  #expect(try ImageFile.size(png) == (3, 1, 4))
}

@Test func sixteenBitGrayAlphaAndPackedGrayAreRead() throws {
  let wide = handMadePNG(
    width: 2, height: 1, bitDepth: 16, colorType: 4,
    rows: [[0x12, 0x34, 0xFF, 0xFF, 0xAB, 0xCD, 0x00, 0x01]])
  #expect(try ImageFile.decode(wide).pixels == [0x12, 0x12, 0x12, 0xFF, 0xAB, 0xAB, 0xAB, 0x00])
  let packed = handMadePNG(width: 4, height: 1, bitDepth: 2, colorType: 0, rows: [[0b0001_1011]])
  #expect(try ImageFile.decode(packed).pixels == [0, 85, 170, 255])
}

@Test func brokenPNGsAreClearErrors() throws {
  let bitmap = try Bitmap(width: 4, height: 3, format: .rgb, pixels: seededBytes(36, seed: 5))
  let png = PNGEncoder.encode(bitmap)
  #expect(throws: PNGDecodingError.truncated) {
    try ImageFile.decode(Array(png.prefix(png.count - 20)))
  }
  #expect(throws: PNGDecodingError.notPNG) { try ImageFile.decode(Array("hello".utf8)) }
  let interlaced = handMadePNG(width: 1, height: 1, bitDepth: 8, colorType: 0, rows: [[0]])
  var flagged = interlaced
  flagged[28] = 1
  let crc = PNGEncoder.crc32(Array(flagged[12..<29]))
  flagged.replaceSubrange(29..<33, with: PNGEncoder.bigEndian(crc))
  #expect(throws: PNGDecodingError.unsupported("interlacing (Adam7)")) {
    try ImageFile.decode(flagged)
  }
  let huge = handMadePNG(width: 1 << 20, height: 1 << 20, bitDepth: 8, colorType: 0, rows: [])
  #expect(throws: PNGDecodingError.badSize(width: 1 << 20, height: 1 << 20)) {
    try ImageFile.size(huge)
  }
  let badIndex = handMadePNG(
    width: 1, height: 1, bitDepth: 8, colorType: 3, rows: [[5]], extra: [("PLTE", [1, 2, 3])])
  #expect(throws: PNGDecodingError.unsupported("a palette index 5 beyond its 1 colours")) {
    try ImageFile.decode(badIndex)
  }
}

@Test func jpegRoundTripsCloselyAndTruncationIsAnError() throws {
  // A smooth gradient: JPEG keeps it within a few levels.
  let (width, height) = (16, 8)
  let pixels = (0..<(width * height)).flatMap { i -> [UInt8] in
    let (x, y) = (i % width, i / width)
    return [UInt8(x * 16), UInt8(y * 32), 128]
  }
  let bitmap = try Bitmap(width: width, height: height, format: .rgb, pixels: pixels)
  let jpeg = try JPEGCodec.encode(bitmap, quality: 95)
  let decoded = try ImageFile.decode(jpeg)
  #expect(decoded.format == .rgb && decoded.width == width && decoded.height == height)
  let worst = zip(decoded.pixels, pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
  #expect(worst <= 8, "largest difference \(worst)")
  let gray = try Bitmap(width: 8, height: 8, format: .gray, pixels: seededBytes(64, seed: 9))
  #expect(try ImageFile.decode(try JPEGCodec.encode(gray)).format == .gray)
  #expect(throws: PNGDecodingError.self) {
    try ImageFile.decode(Array(jpeg.prefix(jpeg.count / 2)))
  }
  #expect(throws: PNGDecodingError.self) { try ImageFile.decode(Array(jpeg.prefix(4))) }
}
