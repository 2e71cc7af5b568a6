import Autograd
import Foundation
import Tensor
import Testing

@testable import NN

@Suite struct CheckpointModelTests {
  @Test func saveAndLoadRoundTripTheWeights() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/mlp.safetensors"
    let trained = TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 1)
    try trained.save(path)
    let fresh = TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 2)
    #expect(fresh.parameters.map(\.variable.value) != trained.parameters.map(\.variable.value))
    let metadata = try fresh.load(path)
    #expect(fresh.parameters.map(\.variable.value) == trained.parameters.map(\.variable.value))
    #expect(metadata["producer"] == "Stride")
    let (tensors, _) = try SafeTensors.decode(AtomicFile.read(path))
    #expect(tensors.keys.sorted() == ["0.bias", "0.weight", "2.bias", "2.weight"])
  }

  @Test func loadingIntoAnotherShapeIsAClearErrorAndChangesNothing() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/mlp.safetensors"
    try TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 1).save(path)
    let wider = TinyMLP(inputs: 16, hidden: 9, classes: 3, seed: 3)
    let before = wider.parameters.map(\.variable.value)
    let error = #expect(throws: CheckpointError.self) { try wider.load(path) }
    #expect(error == .shapeMismatch(name: "0.bias", model: [9], file: [8]))
    #expect(error?.description.contains("architectures differ") == true)
    #expect(wider.parameters.map(\.variable.value) == before)
    #expect(throws: CheckpointError.missingTensor(name: "conv1.bias")) {
      try TinySegmenter(seed: 4).load(path)
    }
    #expect(throws: CheckpointError.self) { try wider.load(dir + "/absent.safetensors") }
  }
}
