import Foundation
import Tensor
import Testing

@testable import NN

@Suite struct CheckpointSafeTensorsTests {
  let tensors: [String: SafeTensors.Entry] = [
    "conv.weight": .init(shape: [2, 1, 1, 2], scalars: [1, -2, 0.5, 3e-8]),
    "conv.bias": .init(shape: [2], scalars: [0, .pi]),
    "scalar": .init(shape: [], scalars: [42]),
  ]

  @Test func roundTripsTensorsAndMetadata() throws {
    let bytes = SafeTensors.encode(tensors, metadata: ["format": "stride"])
    let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
    #expect(headerLength % 8 == 0)
    let (decoded, metadata) = try SafeTensors.decode(bytes)
    #expect(decoded == tensors)
    #expect(metadata == ["format": "stride"])
    #expect(SafeTensors.encode(tensors) == SafeTensors.encode(tensors))  // deterministic bytes
  }

  @Test func rejectsDamagedFiles() throws {
    let bytes = SafeTensors.encode(tensors)
    #expect(throws: CheckpointError.self) { try SafeTensors.decode(Array(bytes.prefix(5))) }
    #expect(throws: CheckpointError.self) { try SafeTensors.decode(Array(bytes.dropLast(4))) }
    var huge = bytes
    huge[7] = 0x7F
    #expect(throws: CheckpointError.self) { try SafeTensors.decode(huge) }
    let f16 = #"{"w":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#
    let header = [UInt8](f16.utf8)
    let file =
      withUnsafeBytes(of: UInt64(header.count).littleEndian) { [UInt8]($0) } + header + [0, 0]
    #expect(throws: CheckpointError.unsupportedDType(name: "w", dtype: "F16")) {
      try SafeTensors.decode(file)
    }
  }

  @Test func randomBytesNeverCrash() {
    var rng = SplitMix64(seed: 11)
    let good = SafeTensors.encode(tensors)
    for _ in 0..<300 {
      var bytes = good
      for _ in 0..<3 {
        bytes[rng.uniform(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
      }
      _ = try? SafeTensors.decode(bytes)
    }
  }

  /// Writes a checkpoint and the values it holds for Tests/integration/test_safetensors.py.
  @Test func writesAFileForThePythonReader() throws {
    let dir = ProcessInfo.processInfo.environment["STRIDE_ARTIFACTS"] ?? "/tmp/stride-artifacts"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var rng = SplitMix64(seed: 3)
    var entries = tensors
    entries["layer1.0.conv1.weight"] = .init(
      shape: [4, 3, 3, 3], scalars: (0..<108).map { _ in rng.normal() })
    entries["empty"] = .init(shape: [0, 3], scalars: [])
    let metadata = ["format": "pt", "producer": "Stride"]
    try AtomicFile.write(
      SafeTensors.encode(entries, metadata: metadata), to: dir + "/stride-checkpoint.safetensors")
    let expected: [String: Any] = [
      "metadata": metadata,
      "tensors": entries.mapValues {
        ["shape": $0.shape, "values": $0.scalars.map(Double.init)] as [String: Any]
      },
    ]
    try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys])
      .write(to: URL(fileURLWithPath: dir + "/stride-checkpoint.expected.json"))
    #expect(
      try SafeTensors.decode(AtomicFile.read(dir + "/stride-checkpoint.safetensors")).tensors
        == entries)
  }

  @Test func atomicWriteKeepsThePreviousFileOnFailure() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/model.safetensors"
    try AtomicFile.write([1, 2, 3], to: path)
    struct Crash: Error {}
    #expect(throws: CheckpointError.self) {
      try AtomicFile.write([9, 9, 9, 9], to: path, beforeRename: { throw Crash() })
    }
    #expect(try AtomicFile.read(path) == [1, 2, 3])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.safetensors"])
    try AtomicFile.write([4, 5], to: path)
    #expect(try AtomicFile.read(path) == [4, 5])
    #expect(throws: CheckpointError.self) { try AtomicFile.write([1], to: "/nonexistent-dir/x") }
  }
}
