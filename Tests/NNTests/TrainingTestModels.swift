import Autograd
import Tensor

@testable import NN

/// Test-only models written against the `Layer` protocol with engine ops, so the training
/// tests do not depend on the layer library.
class TestModel: Layer {
  var name: String?
  var isTraining = true
  var typeName: String { "TestModel" }
  var named: [(String, Variable)] = []

  func callAsFunction(_ input: Variable) throws -> Variable { input }
  var parameters: [NamedParameter] { named.map { NamedParameter(name: $0.0, variable: $0.1) } }
  var buffers: [NamedBuffer] { [] }
  func outputShape(for input: [Int]) throws -> [Int] { input }
  var children: [any Layer] { [] }
  var description: String { typeName }

  /// A trainable tensor drawn uniformly from ±1/√fanIn.
  func parameter(_ name: String, _ shape: [Int], fanIn: Int, rng: inout SeededGenerator) -> Variable
  {
    let bound = 1 / Float(fanIn).squareRoot()
    let t = try! Tensor.randomUniform(shape: shape, low: -bound, high: bound, using: &rng)
    let v = Variable(t, requiresGrad: true)
    named.append((name, v))
    return v
  }
}

/// flatten → linear(hidden) → tanh → linear(classes).
final class TinyMLP: TestModel {
  var w1: Variable!, b1: Variable!, w2: Variable!, b2: Variable!
  let classes: Int

  init(inputs: Int, hidden: Int, classes: Int, seed: UInt64) {
    self.classes = classes
    super.init()
    var rng = SeededGenerator(seed: seed)
    w1 = parameter("0.weight", [hidden, inputs], fanIn: inputs, rng: &rng)
    b1 = parameter("0.bias", [hidden], fanIn: inputs, rng: &rng)
    w2 = parameter("2.weight", [classes, hidden], fanIn: hidden, rng: &rng)
    b2 = parameter("2.bias", [classes], fanIn: hidden, rng: &rng)
  }

  override var typeName: String { "TinyMLP" }
  override func callAsFunction(_ input: Variable) throws -> Variable {
    let h = try linear(try input.flattened(), weight: w1, bias: b1).tanh()
    return try linear(h, weight: w2, bias: b2)
  }
  override func outputShape(for input: [Int]) throws -> [Int] { [classes] }
}

/// conv 3×3 (1 → 4, padding 1) → tanh → conv 1×1 (4 → 2): per-pixel class scores.
final class TinySegmenter: TestModel {
  var w1: Variable!, b1: Variable!, w2: Variable!, b2: Variable!

  init(seed: UInt64, width: Int = 4) {
    super.init()
    var rng = SeededGenerator(seed: seed)
    w1 = parameter("conv1.weight", [width, 1, 3, 3], fanIn: 9, rng: &rng)
    b1 = parameter("conv1.bias", [width], fanIn: 9, rng: &rng)
    w2 = parameter("conv2.weight", [2, width, 1, 1], fanIn: width, rng: &rng)
    b2 = parameter("conv2.bias", [2], fanIn: width, rng: &rng)
  }

  override var typeName: String { "TinySegmenter" }
  override func callAsFunction(_ input: Variable) throws -> Variable {
    let h = try conv2d(input, weight: w1, bias: b1, options: Conv2dOptions(padding: .uniform(1)))
      .tanh()
    return try conv2d(h, weight: w2, bias: b2)
  }
  override func outputShape(for input: [Int]) throws -> [Int] { [2] + input.dropFirst() }
}

/// A small seeded classification set: `count` 1×4×4 images of 3 classes, each class a
/// different bright quadrant plus noise.
func quadrantData(count: Int, seed: UInt64) throws -> Dataset {
  var rng = SplitMix64(seed: seed)
  var pixels: [Float] = []
  var labels: [Int] = []
  for _ in 0..<count {
    let label = rng.uniform(below: 3)
    for y in 0..<4 {
      for x in 0..<4 {
        let lit =
          (label == 0 && y < 2 && x < 2) || (label == 1 && y < 2 && x >= 2)
          || (label == 2 && y >= 2)
        pixels.append((lit ? 1 : 0) + 0.3 * rng.normal())
      }
    }
    labels.append(label)
  }
  return try Dataset(
    images: Tensor(shape: [count, 1, 4, 4], scalars: pixels), labels: labels,
    classNames: ["tl", "tr", "bottom"])
}
