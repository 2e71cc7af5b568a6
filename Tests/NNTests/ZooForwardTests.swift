import Autograd
import Foundation
import Tensor
import Testing

@testable import NN

/// `((37·i) mod 101 − 50)/50` for i in 0..<n: the fill shared with scripts/nn_zoo_fixtures.py.
private func pattern(_ n: Int) -> [Double] {
  (0..<n).map { Double((37 * $0) % 101 - 50) / 50 }
}

/// A tensor filled by the fixture script's rule for a parameter or buffer of this name.
private func filled(_ name: String, _ shape: [Int]) throws -> Tensor {
  let n = shape.reduce(1, *)
  let p = pattern(n)
  let values: [Double]
  if shape.count >= 2 {
    let bound = 1 / (Double(n) / Double(shape[0])).squareRoot()
    values = p.map { $0 * bound }
  } else if name.hasSuffix("running_var") {
    values = p.map { 1 + 0.05 * ($0 + 1) }
  } else if name.hasSuffix("weight") {
    values = p.map { 1 + 0.1 * $0 }
  } else {
    values = p.map { 0.1 * $0 }
  }
  return try Tensor(shape: shape, scalars: values.map { Float($0) })
}

/// Fills every parameter and buffer of a model by the shared rule.
private func fillModel(_ model: Layer) throws {
  for parameter in model.parameters {
    parameter.variable.value = try filled(parameter.name, parameter.variable.shape)
  }
  for buffer in model.buffers {
    buffer.variable.value = try filled(buffer.name, buffer.variable.shape)
  }
}

private func patternInput(_ shape: [Int]) throws -> Variable {
  Variable(try Tensor(shape: shape, scalars: pattern(shape.reduce(1, *)).map { Float($0) }))
}

private struct UNetDigest: Decodable {
  let shape: [Int]
  let sum: Double
  let abs_sum: Double
  let stride: Int
  let samples: [Float]
}

private struct ZooOutputs: Decodable {
  let lenet: FixtureTensor
  let resnet8_eval: FixtureTensor
  let resnet8_train: FixtureTensor
  let resnet8_train_buffers: [String: FixtureTensor]
  let unet: UNetDigest
}

@Suite("Zoo models against PyTorch")
struct ZooForwardTests {
  private func outputs() throws -> ZooOutputs {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    let data = try Data(contentsOf: root.appendingPathComponent("layers/zoo_outputs.json"))
    return try JSONDecoder().decode(ZooOutputs.self, from: data)
  }

  @Test("LeNet-5 (tanh, average pooling) gives PyTorch's logits")
  func lenet() throws {
    let model = try LeNet5()
    try fillModel(model)
    let y = try model(try patternInput([2, 1, 32, 32]))
    #expect(close(y.value, try outputs().lenet.tensor()))
  }

  @Test("CIFAR ResNet-8 (option A) in evaluation and training mode, with running statistics")
  func resnet8() throws {
    let fixture = try outputs()
    let model = try ResNet(depth: 8)
    try fillModel(model)
    model.eval()
    let x = try patternInput([2, 1, 32, 32])
    #expect(close(try model(x).value, try fixture.resnet8_eval.tensor()))
    model.train()
    #expect(close(try model(x).value, try fixture.resnet8_train.tensor(), rtol: 1e-3, atol: 1e-4))
    #expect(Set(model.buffers.map(\.name)) == Set(fixture.resnet8_train_buffers.keys))
    for buffer in model.buffers {
      let expected = try #require(fixture.resnet8_train_buffers[buffer.name])
      #expect(close(buffer.variable.value, try expected.tensor()), "\(buffer.name)")
    }
  }

  @Test("A small U-Net (valid convolutions, crop and concatenate) matches PyTorch")
  func unet() throws {
    let digest = try outputs().unet
    let model = try UNet(inChannels: 1, classes: 3, baseWidth: 4, depth: 2)
    #expect(model.inputShape == [1, 140, 140])
    try fillModel(model)
    let y = try model(try patternInput([1, 1, 140, 140])).value
    #expect(y.shape == digest.shape)
    let values = y.scalars.map(Double.init)
    #expect(abs(values.reduce(0, +) - digest.sum) <= 1e-3 * digest.abs_sum)
    #expect(abs(values.map(abs).reduce(0, +) - digest.abs_sum) <= 1e-4 * digest.abs_sum)
    let sampled = stride(from: 0, to: values.count, by: digest.stride).map { y.scalars[$0] }
    #expect(sampled.count == digest.samples.count)
    #expect(zip(sampled, digest.samples).allSatisfy { abs($0 - $1) <= 1e-4 + 1e-3 * abs($1) })
  }
}
