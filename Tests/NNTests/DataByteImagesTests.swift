import Foundation
import Testing

@testable import NN

@Suite struct DataByteImagesTests {
  /// The Float32 image the old up-front expansion gave: table[byte] inside, table[0] as padding.
  static func reference(_ bytes: [UInt8], h: Int, w: Int, padding p: Int, table: [Float]) -> [Float]
  {
    let pw = w + 2 * p
    var out = [Float](repeating: table[0], count: (h + 2 * p) * pw)
    for y in 0..<h { for x in 0..<w { out[(y + p) * pw + x + p] = table[Int(bytes[y * w + x])] } }
    return out
  }

  @Test(arguments: [0, 1, 2])
  func bytesBecomeTheSameFloat32AsTheExpansion(padding: Int) throws {
    let (n, h, w) = (3, 4, 5)
    let bytes = (0..<n * h * w).map { UInt8(($0 * 37 + 11) % 256) }
    for normalization in [Normalization.unitRange, .fashionMNIST] {
      let table = normalization.table
      let images = ByteImages(
        pixels: PixelBytes(copying: bytes), count: n, height: h, width: w, padding: padding,
        table: table)
      let data = try Dataset(
        images: images, targets: [0, 1, 2], classNames: ["a", "b", "c"], name: "t")
      #expect(data.sampleShape == [1, h + 2 * padding, w + 2 * padding])
      for i in 0..<n {
        var got = [Float](repeating: .nan, count: images.imageSize + 2)
        data.copyImage(at: i, into: &got, offset: 1)
        let want = Self.reference(
          Array(bytes[i * h * w..<(i + 1) * h * w]), h: h, w: w, padding: padding, table: table)
        #expect(got[1...images.imageSize].map(\.bitPattern) == want.map(\.bitPattern))
        #expect(got[0].isNaN && got[images.imageSize + 1].isNaN)
      }
      // Views (shuffles, batches) read the same bytes.
      let batch = data.shuffled(seed: 3).makeBatch([0, 1, 2][...], augmentWith: nil)
      #expect(batch.images.shape == [3, 1, h + 2 * padding, w + 2 * padding])
    }
  }

  @Test func byteTargetsAreChecked() throws {
    let images = ByteImages(
      pixels: PixelBytes(copying: [1, 2]), count: 2, height: 1, width: 1, padding: 0,
      table: Normalization.unitRange.table)
    #expect(throws: DataError.self) {
      try Dataset(images: images, targets: [0], classNames: ["a"], name: "")
    }
    #expect(throws: DataError.self) {
      try Dataset(images: images, targets: [0, 4], classNames: ["a"], name: "")
    }
  }

  @Test func cacheEntryIsWrittenOnceMappedAndRenewedWhenTheSourceChanges() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = dir + "/images-idx3-ubyte.gz"
    let file = try IDXFile(shape: [2, 2, 3], bytes: Array(0..<12))
    try Data(try gzipped(file.encoded(), in: dir)).write(to: URL(fileURLWithPath: source))
    let cache = dir + "/cache"
    #expect(IDXCache.map(source, in: cache) == nil)
    #expect(IDXCache.store(file, for: source, in: cache))
    let (pixels, shape) = try #require(IDXCache.map(source, in: cache))
    #expect(
      shape == [2, 2, 3] && pixels.count == 12 && (0..<12).map { pixels[$0] } == Array(0..<12))
    let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
    #expect(
      entries.count == 1 && entries[0].hasPrefix("images-idx3-ubyte-")
        && entries[0].hasSuffix(".idx"))

    let other = try IDXFile(shape: [1, 2, 3], bytes: Array(repeating: 9, count: 6))
    try Data(try gzipped(other.encoded() + [0, 0, 0], in: dir)).write(
      to: URL(fileURLWithPath: source))  // another size
    #expect(IDXCache.map(source, in: cache) == nil)
    #expect(IDXCache.store(other, for: source, in: cache))
    #expect(try IDXCache.map(source, in: cache)?.shape == [1, 2, 3])
    // the old entry went
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache).count == 1)
    #expect(IDXCache.store(other, for: source, in: nil) == false)  // cache off
  }

  @Test func uncompressedFilesAreMappedAsTheyAre() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = dir + "/raw-idx3-ubyte"
    try Data(try IDXFile(shape: [2, 1, 2], bytes: [5, 6, 7, 8]).encoded()).write(
      to: URL(fileURLWithPath: source))
    let (pixels, shape) = try IDXImageSet.imagePixels(source)
    #expect(shape == [2, 1, 2] && (0..<4).map { pixels[$0] } == [5, 6, 7, 8])
  }

  @Test func brokenEntriesAreIgnored() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = dir + "/x-idx3-ubyte"
    let file = try IDXFile(shape: [1, 2, 2], bytes: [1, 2, 3, 4])
    try Data(file.encoded()).write(to: URL(fileURLWithPath: source))
    let entry = try #require(IDXCache.entry(for: source, in: dir + "/cache"))
    try FileManager.default.createDirectory(
      atPath: dir + "/cache", withIntermediateDirectories: true)
    try Data(file.encoded().dropLast()).write(to: URL(fileURLWithPath: entry))  // truncated
    #expect(IDXCache.map(source, in: dir + "/cache") == nil)
  }
}
