import Testing

@testable import Graphics

/// A deterministic byte sequence (a 32-bit LCG), so tests see varied but repeatable pixels.
func seededBytes(_ count: Int, seed: UInt32) -> [UInt8] {
  var state = seed
  return (0..<count).map { _ in
    state = state &* 1_664_525 &+ 1_013_904_223
    return UInt8(state >> 24)
  }
}

@Test func pngStartsWithSignatureAndHeader() throws {
  let bitmap = try Bitmap(width: 3, height: 2, format: .rgb, pixels: seededBytes(18, seed: 1))
  let png = PNGEncoder.encode(bitmap)
  #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  #expect(Array(png[8..<16]) == [0, 0, 0, 13] + Array("IHDR".utf8))
  #expect(Array(png[16..<29]) == [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0])
  // IEND has no data, so its CRC is the same in every PNG: CRC-32("IEND") = 0xAE426082.
  #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
}

@Test func crc32MatchesTheStandardCheckValue() {
  #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
}

@Test(arguments: [PixelFormat.gray, .rgb, .rgba])
func pngRoundTripsExactPixels(format: PixelFormat) throws {
  let (width, height) = (37, 23)
  let pixels = seededBytes(width * height * format.channels, seed: UInt32(format.channels))
  let bitmap = try Bitmap(width: width, height: height, format: format, pixels: pixels)
  for level in [0, 6, 9] {
    let decoded = try PNGDecoder.decode(PNGEncoder.encode(bitmap, compressionLevel: level))
    #expect(decoded == bitmap)
  }
}

@Test func everyFilterInvertsExactly() {
  let previous = seededBytes(24, seed: 7)
  let row = seededBytes(24, seed: 8)
  for type in 0...4 {
    var restored = PNGFilter.filter(row, previous: previous, bpp: 3, type: type)
    PNGFilter.unfilter(&restored, previous: previous, bpp: 3, type: type)
    #expect(restored == row, "filter \(type)")
  }
}

@Test func decoderRejectsABadCRCAndABadAdler() throws {
  let bitmap = try Bitmap(width: 8, height: 8, format: .gray, pixels: seededBytes(64, seed: 3))
  var png = PNGEncoder.encode(bitmap, compressionLevel: 0)
  png[20] ^= 1  // inside IHDR data
  #expect(throws: PNGDecodingError.badChecksum(chunk: "IHDR")) { try PNGDecoder.decode(png) }

  // Flip the last byte of the zlib stream (part of its Adler-32) and repair the chunk CRC:
  // only the Adler-32 check can catch it.
  png = PNGEncoder.encode(bitmap, compressionLevel: 0)
  let iendStart = png.count - 12
  let crcStart = iendStart - 4
  png[crcStart - 1] ^= 0xFF
  let idatLength = Int(PNGDecoder.readUInt32(png, at: 33))
  let crc = PNGEncoder.crc32(Array(png[37..<(41 + idatLength)]))
  png.replaceSubrange(crcStart..<iendStart, with: PNGEncoder.bigEndian(crc))
  #expect(throws: PNGDecodingError.badImageData) { try PNGDecoder.decode(png) }
}

@Test func bitmapRejectsBadSizes() {
  #expect(throws: BitmapError.wrongByteCount(expected: 4, actual: 3)) {
    try Bitmap(width: 2, height: 2, format: .gray, pixels: [1, 2, 3])
  }
  #expect(throws: BitmapError.invalidSize(width: 0, height: 5)) {
    try Bitmap(width: 0, height: 5, format: .rgba, fill: .red)
  }
}

@Test func upscalingRepeatsEachPixelAsABlock() throws {
  let bitmap = try Bitmap(width: 2, height: 1, format: .gray, pixels: [10, 200])
  let big = bitmap.upscaled(by: 3)
  #expect(big.width == 6 && big.height == 3)
  #expect(big.pixels == Array(repeating: [10, 10, 10, 200, 200, 200], count: 3).flatMap { $0 })
}

@Test func absurdUpscalingLeavesTheBitmapAlone() throws {
  let bitmap = try Bitmap(width: 3, height: 3, format: .rgba, fill: .red)
  #expect(bitmap.upscaled(by: 100_000) == bitmap)
  #expect(bitmap.upscaled(by: Int.max) == bitmap)
  #expect(bitmap.upscaled(by: 0) == bitmap)
}
