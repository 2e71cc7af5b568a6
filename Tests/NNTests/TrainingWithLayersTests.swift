import Cancellation
import Foundation
import Tensor
import Testing

@testable import NN

/// fit, evaluate and checkpoints with the layer library's models (not only the test models).
@Suite struct TrainingWithLayersTests {
  @Test func fitBuildsAnUnbuiltSequentialForTheData() throws {
    let data = try quadrantData(count: 90, seed: 40)
    let model = Sequential {
      Flatten()
      Dense(8, activation: .tanh)
      Dense(3)
    }
    let history = try model.fit(
      data, epochs: 6, batchSize: 15, optimizer: SGD(learningRate: 0.2, momentum: 0.9), seed: 41)
    #expect(model.parameterCount == 16 * 8 + 8 + 8 * 3 + 3)
    #expect(history.epochs.count == 6 && history.loss.last! < history.loss.first!)
    #expect(try model.evaluate(data).accuracy > 0.8)
  }

  @Test func checkpointsIncludeBatchNormBuffers() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func make() throws -> Sequential {
      try Sequential(input: [1, 4, 4], seed: 42) {
        Conv2D(2, kernel: 3)
        BatchNorm2D()
        ReLU()
        Flatten()
        Dense(3)
      }
    }
    let model = try make()
    try model.fit(try quadrantData(count: 30, seed: 43), epochs: 1, batchSize: 10, seed: 44)
    try model.save(dir + "/bn.safetensors")
    let copy = try make()
    try copy.load(dir + "/bn.safetensors")
    #expect(copy.parameters.map(\.variable.value) == model.parameters.map(\.variable.value))
    #expect(!model.buffers.isEmpty)
    #expect(copy.buffers.map(\.variable.value) == model.buffers.map(\.variable.value))
    let images = try quadrantData(count: 5, seed: 45).allImages()
    #expect(try copy.predict(images).probabilities == model.predict(images).probabilities)
  }
}
