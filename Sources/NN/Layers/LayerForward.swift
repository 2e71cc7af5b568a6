import Autograd
import Tensor

extension Activation {
  /// Applies the nonlinearity to a batch; softmax runs over axis 1.
  func apply(_ x: Variable) throws -> Variable {
    switch self {
    case .relu: return x.relu()
    case .tanh: return x.tanh()
    case .sigmoid: return x.sigmoid()
    case .leakyRelu: return x.leakyRelu()
    case .elu: return x.elu()
    case .gelu: return x.gelu()
    case .softmax: return try x.softmax(axis: 1)
    case .identity: return x
    }
  }
}

/// The per-sample shape of a batch `[N, …]`; a batch needs at least a batch axis and one more.
func perSample(_ input: Variable, layer: String) throws -> [Int] {
  guard input.shape.count >= 2 else {
    throw ShapeError(
      layer: layer, got: input.shape, expected: "a batch [N, …]",
      problem:
        "\(layer) expects a batch with a leading batch axis but gets \(shapeText(input.shape))",
      fix: "add a batch axis, e.g. reshape [C, H, W] to [1, C, H, W]")
  }
  return Array(input.shape.dropFirst())
}

extension LayerBase {
  /// Replaces a parameter or buffer (`"weight"`, `"bias"`, `"running_mean"`, …) with a tensor of
  /// its declared shape, e.g. to load weights; the layer must be built.
  public func setTensor(_ name: String, _ value: Tensor) throws {
    let trainable = store.specs.contains { $0.name == name }
    try store.assign(name, Variable(value, requiresGrad: trainable, name: name))
  }
}

extension Layer where Self: LayerBase {
  /// Checks a batch against the layer's shapes, building lazy sizes from it on first use;
  /// returns the per-sample input shape.
  @discardableResult
  func prepare(_ input: Variable, shortName: String) throws -> [Int] {
    let sample = try perSample(input, layer: shortName)
    if store.isDeclared || !declaresOnBuild {
      _ = try outputShape(for: sample)
    } else {
      _ = try build(input: sample, seed: store.seed)
    }
    return sample
  }
}
