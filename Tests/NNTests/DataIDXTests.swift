import Foundation
import Tensor
import Testing

@testable import NN

/// A temporary directory for one test, removed by the caller.
func makeTemporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "stride-nn-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Gzip-compresses bytes with the system's gzip (tests only).
func gzipped(_ bytes: [UInt8], in directory: String) throws -> [UInt8] {
  let plain = directory + "/gz-input"
  try Data(bytes).write(to: URL(fileURLWithPath: plain))
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/gzip")
  process.arguments = ["-kf", plain]
  try process.run()
  process.waitUntilExit()
  return [UInt8](try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
}

@Suite struct DataIDXTests {
  let sample = try! IDXFile(shape: [2, 2, 3], bytes: Array(0..<12))

  @Test func decodesWhatItEncodes() throws {
    let decoded = try IDXFile(decoding: sample.encoded())
    #expect(decoded.shape == [2, 2, 3])
    #expect(decoded.bytes == Array(0..<12))
  }

  @Test func readsGzippedAndRawFiles() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let raw = sample.encoded()
    try Data(raw).write(to: URL(fileURLWithPath: dir + "/raw"))
    try Data(try gzipped(raw, in: dir)).write(to: URL(fileURLWithPath: dir + "/packed.gz"))
    #expect(try IDXFile(path: dir + "/raw") == sample)
    #expect(try IDXFile(path: dir + "/packed.gz") == sample)
  }

  @Test func truncatedDataIsAnError() {
    let bytes = Array(sample.encoded().dropLast(5))
    #expect(throws: DataError.truncated(path: "<memory>", expected: 12, actual: 7)) {
      try IDXFile(decoding: bytes)
    }
  }

  @Test func truncatedHeaderIsAnError() {
    #expect(throws: DataError.self) { try IDXFile(decoding: [0, 0, 8, 3, 0, 0]) }
    #expect(throws: DataError.self) { try IDXFile(decoding: [0, 0]) }
  }

  @Test func truncatedGzipIsAnError() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let packed = try gzipped([UInt8](repeating: 7, count: 5000) + sample.encoded(), in: dir)
    let error = #expect(throws: DataError.self) {
      try Gzip.decompress(Array(packed.prefix(packed.count / 2)), path: "x.gz")
    }
    #expect(error?.description.contains("ends early") == true)
  }

  @Test func foreignFilesAreRejected() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
    #expect(throws: DataError.self) { try IDXFile(decoding: png) }
    #expect(throws: DataError.self) {
      try IDXFile(decoding: [0, 0, 0x0D, 1, 0, 0, 0, 1, 1, 2, 3, 4])
    }  // float type
    #expect(throws: DataError.self) { try IDXFile(decoding: [0, 0, 8, 0]) }  // no dimensions
    // trailing bytes
    #expect(throws: DataError.self) { try IDXFile(decoding: sample.encoded() + [1]) }
  }

  @Test func hugeDimensionsDoNotOverflow() {
    let header: [UInt8] = [0, 0, 8, 4] + [UInt8](repeating: 0xFF, count: 16) + [1, 2, 3]
    let error = #expect(throws: DataError.self) { try IDXFile(decoding: header) }
    #expect(error?.description.contains("impossibly large") == true)
  }

  @Test func randomBytesNeverCrash() {
    var rng = SplitMix64(seed: 7)
    for length in 0..<300 {
      var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      if length > 3, rng.uniform(below: 2) == 0 {
        bytes[0] = 0
        bytes[1] = 0
        bytes[2] = 8
        bytes[3] = UInt8(rng.uniform(below: 5))
      }
      _ = try? IDXFile(decoding: bytes)
      _ = try? Gzip.decompress([0x1f, 0x8b] + bytes, path: "fuzz")
    }
  }

  @Test func aForgedGzipTrailerCannotForceAHugeAllocation() {
    let forged: [UInt8] =
      [0x1f, 0x8b] + [UInt8](repeating: 0, count: 16) + [0xFF, 0xFF, 0xFF, 0xFF]
    #expect(Gzip.initialCapacity(forged) <= forged.count * 1032 + (1 << 16))
    #expect(throws: DataError.self) { try Gzip.decompress(forged, path: "forged.gz") }
  }

  @Test func missingFileNamesThePath() {
    let error = #expect(throws: DataError.self) { try IDXFile(path: "/nonexistent/x.idx") }
    #expect(error?.description.contains("/nonexistent/x.idx") == true)
  }
}
