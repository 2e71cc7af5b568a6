import Foundation

/// The safetensors format (Hugging Face): Float32 tensors by name in one flat file.
///
/// Layout: an 8-byte little-endian UInt64 header length N; N bytes of UTF-8 JSON mapping each
/// name to `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (offsets relative to
/// the data section), plus an optional `"__metadata__"` of string pairs; then the data, each
/// tensor's scalars little-endian, contiguous, in name order. The header is padded with spaces
/// to a multiple of 8 bytes.
public enum SafeTensors {
  /// One named tensor: its shape and row-major scalars.
  public struct Entry: Equatable, Sendable {
    public let shape: [Int]
    public let scalars: [Float]
    public init(shape: [Int], scalars: [Float]) {
      self.shape = shape
      self.scalars = scalars
    }
  }

  /// The file bytes for `tensors` (written in name order, so equal inputs give equal bytes).
  public static func encode(_ tensors: [String: Entry], metadata: [String: String] = [:]) -> [UInt8]
  {
    var header: [String: Any] = [:]
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var offset = 0
    let names = tensors.keys.sorted()
    for name in names {
      let entry = tensors[name]!
      let end = offset + entry.scalars.count * 4
      header[name] =
        ["dtype": "F32", "shape": entry.shape, "data_offsets": [offset, end]] as [String: Any]
      offset = end
    }
    let json =
      (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
      ?? Data("{}".utf8)
    var headerBytes = [UInt8](json)
    while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
    var out = withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { [UInt8]($0) }
    out.reserveCapacity(8 + headerBytes.count + offset)
    out += headerBytes
    for name in names {
      for value in tensors[name]!.scalars {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
      }
    }
    return out
  }

  /// Decodes a file's bytes; `path` only names it in errors. Every offset and size is checked.
  public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws(CheckpointError)
    -> (tensors: [String: Entry], metadata: [String: String])
  {
    guard bytes.count >= 8 else {
      throw .malformed(path: path, reason: "it is shorter than 8 bytes")
    }
    let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    guard headerLength >= 2, headerLength <= UInt64(bytes.count - 8), headerLength <= 100_000_000
    else {
      throw .malformed(path: path, reason: "header length \(headerLength) does not fit the file")
    }
    let dataStart = 8 + Int(headerLength)
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])),
      let header = object as? [String: Any]
    else { throw .malformed(path: path, reason: "the header is not a JSON object") }
    let metadata = header["__metadata__"] as? [String: String] ?? [:]
    var tensors: [String: Entry] = [:]
    for (name, value) in header where name != "__metadata__" {
      tensors[name] = try entry(name, value, bytes: bytes, dataStart: dataStart, path: path)
    }
    return (tensors, metadata)
  }

  static func entry(_ name: String, _ value: Any, bytes: [UInt8], dataStart: Int, path: String)
    throws(CheckpointError) -> Entry
  {
    guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
      let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int],
      offsets.count == 2
    else {
      throw .malformed(path: path, reason: "tensor '\(name)' lacks dtype, shape or data_offsets")
    }
    guard dtype == "F32" else { throw .unsupportedDType(name: name, dtype: dtype) }
    let count = try elementCount(shape, name: name, path: path)
    let (begin, end) = (offsets[0], offsets[1])
    guard begin >= 0, end >= begin, end <= bytes.count - dataStart, end - begin == count * 4 else {
      throw .malformed(
        path: path,
        reason: "tensor '\(name)' has data_offsets \(offsets) that do not match shape \(shape)")
    }
    var scalars = [Float](repeating: 0, count: count)
    for i in 0..<count {
      let at = dataStart + begin + 4 * i
      let bits =
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(
          bytes[at + 3]) << 24
      scalars[i] = Float(bitPattern: bits)
    }
    return Entry(shape: shape, scalars: scalars)
  }

  static func elementCount(_ shape: [Int], name: String, path: String) throws(CheckpointError)
    -> Int
  {
    var count = 1
    for d in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: d)
      guard d >= 0, !overflow, product <= 1 << 40 else {
        throw .malformed(path: path, reason: "tensor '\(name)' has an impossible shape \(shape)")
      }
      count = product
    }
    return count
  }
}
