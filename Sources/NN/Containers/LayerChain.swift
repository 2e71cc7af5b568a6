import Autograd
import Tensor

/// Layers applied one after another, each keyed by its name or its index: the common core of
/// `Sequential`, `Residual`'s body and `SkipConcat`'s body.
struct LayerChain {
  var layers: [Layer]

  /// `name` when the layer has one, else its position: the path segment of its parameters.
  var keys: [String] {
    layers.enumerated().map { index, layer in layer.name ?? String(index) }
  }

  /// Each layer with its key and per-sample input shape; throws the first shape error, with path.
  func inputs(for input: [Int]) throws -> [(key: String, layer: Layer, input: [Int])] {
    var shape = input
    var result: [(key: String, layer: Layer, input: [Int])] = []
    for (key, layer) in zip(keys, layers) {
      result.append((key, layer, shape))
      shape = try wrap(key, layer) { try layer.outputShape(for: shape) }
    }
    return result
  }

  func outputShape(for input: [Int]) throws -> [Int] {
    var shape = input
    for (key, layer) in zip(keys, layers) {
      shape = try wrap(key, layer) { try layer.outputShape(for: shape) }
    }
    return shape
  }

  func build(input: [Int], seed: UInt64) throws -> [Int] {
    var shape = input
    for (key, layer) in zip(keys, layers) {
      shape = try wrap(key, layer) { try layer.build(input: shape, seed: mixSeed(seed, key)) }
    }
    return shape
  }

  /// Runs the layers in order. A `BatchNorm2D` directly followed by a `ReLU` runs as one fused
  /// op (the same bits as the two, one pass less each way).
  func callAsFunction(_ input: Variable) throws -> Variable {
    var value = input
    let keys = keys
    var i = 0
    while i < layers.count {
      let current = value, layer = layers[i]
      if let norm = layer as? BatchNorm2D, i + 1 < layers.count,
        let next = layers[i + 1] as? ActivationLayer, next.activation == .relu
      {
        value = try wrap(keys[i], layer) { try norm(current, fusingReLU: true) }
        i += 2
        continue
      }
      value = try wrap(keys[i], layer) { try layer(current) }
      i += 1
    }
    return value
  }

  var parameters: [NamedParameter] {
    zip(keys, layers).flatMap { key, layer in
      layer.parameters.map { NamedParameter(name: "\(key).\($0.name)", variable: $0.variable) }
    }
  }

  var buffers: [NamedBuffer] {
    zip(keys, layers).flatMap { key, layer in
      layer.buffers.map { NamedBuffer(name: "\(key).\($0.name)", variable: $0.variable) }
    }
  }

  var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  func setTraining(_ on: Bool) {
    for layer in layers { layer.isTraining = on }
  }

  /// The layers' descriptions, one per line, indented by two spaces (nested blocks further).
  var body: String {
    layers.map {
      $0.description.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "  " + $0 }.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  private func wrap<T>(_ key: String, _ layer: Layer, _ work: () throws -> T) throws -> T {
    do {
      return try work()
    } catch var error as ShapeError {
      if error.path.isEmpty { error.layerName = layer.name }
      throw error.inside(key)
    }
  }
}

/// A container that the summary can walk: its children with their input shapes. Public so a
/// layer defined outside NN (a user's struct layer) lists its children in `summary()` too.
public protocol Container: Layer {
  /// Children with their path keys (name or index; a projection shortcut by its name).
  var keyedChildren: [(key: String, layer: Layer)] { get }
  /// Children in order, with keys and per-sample input shapes, for a container input shape.
  func childInputs(for input: [Int]) throws -> [(key: String, layer: Layer, input: [Int])]
}
