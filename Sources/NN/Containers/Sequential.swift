import Autograd
import Tensor

/// Layers applied in order, built with a result builder:
///
///     let lenet = try Sequential(input: [1, 32, 32]) {
///       Conv2D(6, kernel: 5, activation: .tanh)
///       AvgPool2D(2)
///       Flatten()
///       Dense(10)
///     }
///
/// With `input` (per sample, e.g. `[C, H, W]`) the model is built at once: every layer's shape is
/// checked and its lazy sizes fixed, weights seeded from `seed`. Without it, the model is built by
/// `build(input:)` or at the first call, from the batch's shape.
public final class Sequential: Layer {
  public var name: String?
  public internal(set) var layers: [Layer]
  /// The per-sample input shape, once known.
  public private(set) var inputShape: [Int]?
  /// The seed from which every weight is drawn.
  public private(set) var seed: UInt64
  /// What the user wrote, for `description`: the input shape and seed given at construction.
  private var writtenInput: [Int]?
  private let writtenSeed: UInt64

  public var isTraining = true {
    didSet { chain.setTraining(isTraining) }
  }

  /// A block whose input shape is learned later (nested blocks, or a model built at first call).
  public init(name: String? = nil, seed: UInt64 = 0, @LayerBuilder _ content: () -> [Layer]) {
    self.name = name
    self.seed = seed
    self.writtenSeed = seed
    self.layers = content()
  }

  /// A model built for a per-sample input shape; throws a `ShapeError` that names the layer.
  public convenience init(
    name: String? = nil, input: [Int], seed: UInt64 = 0,
    @LayerBuilder _ content: () -> [Layer]
  ) throws {
    self.init(name: name, seed: seed, content)
    writtenInput = input
    try build(input: input)
  }

  /// A sequence from an array of layers.
  public init(name: String? = nil, layers: [Layer], seed: UInt64 = 0) {
    self.name = name
    self.seed = seed
    self.writtenSeed = seed
    self.layers = layers
  }

  var chain: LayerChain { LayerChain(layers: layers) }

  public var typeName: String { "Sequential" }
  public var children: [Layer] { layers }
  public var parameters: [NamedParameter] { chain.parameters }
  public var buffers: [NamedBuffer] { chain.buffers }
  public var parameterCount: Int { chain.parameterCount }

  public func outputShape(for input: [Int]) throws -> [Int] { try chain.outputShape(for: input) }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    try requireValidShape(input, layer: "Sequential")
    self.seed = seed
    let output = try chain.build(input: input, seed: seed)
    inputShape = input
    return output
  }

  /// Builds the model for a per-sample input shape with its own seed; a shape error names the
  /// layer and, where one is found, a fix.
  @discardableResult
  public func build(input: [Int]) throws -> [Int] {
    do {
      return try build(input: input, seed: seed)
    } catch let error as ShapeError {
      throw suggestFix(for: error, model: self, input: input)
    }
  }

  /// Draws every weight again from a new seed.
  public func reinitialize(seed: UInt64) throws {
    guard let inputShape else {
      self.seed = seed
      return
    }
    _ = try build(input: inputShape, seed: seed)
  }

  public func callAsFunction(_ input: Variable) throws -> Variable {
    if inputShape == nil { try build(input: Array(input.value.shape.dropFirst())) }
    return try chain(input)
  }

  public var description: String {
    var arguments: [String] = []
    if let name { arguments.append("name: \"\(name)\"") }
    if let writtenInput { arguments.append("input: \(shapeText(writtenInput))") }
    if writtenSeed != 0 { arguments.append("seed: \(writtenSeed)") }
    let head =
      arguments.isEmpty ? "Sequential {" : "Sequential(\(arguments.joined(separator: ", "))) {"
    return layers.isEmpty ? head + "}" : head + "\n" + chain.body + "\n}"
  }
}

extension Sequential: Container {
  public var keyedChildren: [(key: String, layer: Layer)] { Array(zip(chain.keys, layers)) }

  public func childInputs(for input: [Int]) throws -> [(key: String, layer: Layer, input: [Int])] {
    try chain.inputs(for: input)
  }
}
