import Foundation

/// An IDX array (the MNIST file format): a shape and its unsigned bytes, row-major.
///
/// Layout on disk: two zero bytes, an element type (0x08 = unsigned byte), the number of
/// dimensions, each dimension as a big-endian UInt32, then the elements. Files may be gzipped
/// (detected by their magic number, not their name).
public struct IDXFile: Sendable, Equatable {
  /// The dimensions, outermost first (e.g. [60000, 28, 28] for MNIST training images).
  public let shape: [Int]
  /// The elements in row-major order; `bytes.count` is the product of `shape`.
  public let bytes: [UInt8]

  /// Reads an IDX file, gzipped or raw.
  /// - Throws: `DataError` naming the path when the file is missing, truncated or not IDX.
  public init(path: String) throws(DataError) {
    let raw = try Self.readFile(path)
    let plain = Gzip.isGzip(raw) ? try Gzip.decompress(raw, path: path) : raw
    try self.init(decoding: plain, path: path)
  }

  /// Decodes the bytes of an uncompressed IDX file; `path` only names it in errors.
  public init(decoding data: [UInt8], path: String = "<memory>") throws(DataError) {
    guard data.count >= 4 else {
      throw .notIDX(path: path, reason: "it is shorter than the 4-byte magic number")
    }
    guard data[0] == 0, data[1] == 0 else {
      throw .notIDX(path: path, reason: "the magic number does not start with two zero bytes")
    }
    guard data[2] == 0x08 else {
      let hex = String(data[2], radix: 16)
      throw .notIDX(
        path: path, reason: "element type 0x\(hex) is not supported (only 0x08, unsigned byte)")
    }
    let rank = Int(data[3])
    guard (1...8).contains(rank) else {
      throw .notIDX(path: path, reason: "it declares \(rank) dimensions")
    }
    let headerSize = 4 + 4 * rank
    guard data.count >= headerSize else {
      throw .truncated(path: path, expected: headerSize, actual: data.count)
    }
    let dims = (0..<rank).map { Self.bigEndianUInt32(data, at: 4 + 4 * $0) }
    let count = try Self.elementCount(dims, path: path)
    let available = data.count - headerSize
    guard available >= count else {
      throw .truncated(path: path, expected: count, actual: available)
    }
    guard available == count else {
      throw .notIDX(
        path: path, reason: "it holds \(available - count) bytes more than its header declares")
    }
    self.shape = dims
    self.bytes = Array(data[headerSize...])
  }

  /// Encodes as uncompressed IDX bytes (element type 0x08), for tests and exports.
  public func encoded() -> [UInt8] {
    var out: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
    for d in shape { out += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
    return out + bytes
  }

  /// Makes an IDX array from a shape and bytes; the counts must agree.
  public init(shape: [Int], bytes: [UInt8]) throws(DataError) {
    guard shape.allSatisfy({ $0 >= 0 && $0 <= Int(UInt32.max) }), (1...8).contains(shape.count),
      shape.reduce(1, *) == bytes.count
    else { throw .invalidArgument("IDX shape \(shape) does not hold \(bytes.count) bytes") }
    self.shape = shape
    self.bytes = bytes
  }

  static func bigEndianUInt32(_ data: [UInt8], at offset: Int) -> Int {
    (offset..<offset + 4).reduce(0) { ($0 << 8) | Int(data[$1]) }
  }

  /// The product of `dims`, or an error when it overflows (a foreign file's header).
  static func elementCount(_ dims: [Int], path: String) throws(DataError) -> Int {
    var count = 1
    for d in dims {
      let (product, overflow) = count.multipliedReportingOverflow(by: d)
      guard !overflow, product <= 1 << 40 else {
        throw .notIDX(path: path, reason: "its dimensions \(dims) are impossibly large")
      }
      count = product
    }
    return count
  }

  static func readFile(_ path: String) throws(DataError) -> [UInt8] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw .missingFile(path: path, hint: "Check the path.")
    }
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }
}
