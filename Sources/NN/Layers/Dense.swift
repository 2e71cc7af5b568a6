import Autograd
import Tensor

/// A fully connected layer: `[N, inputs]` → `[N, units]`, `y = x·Wᵀ + b`.
///
/// Weight `[units, inputs]`, bias `[units]`, PyTorch-default initialised (`U(±1/√inputs)`).
/// `inputs` is inferred from the input shape when the model is built, or given.
public final class Dense: LayerBase, Layer {
  public let units: Int
  public let useBias: Bool
  public let activation: Activation
  public let weightInit: Initializer
  public let biasInit: Initializer
  /// The input feature count: given, or fixed when the model is built.
  public private(set) var inputs: Int?
  private let inputsGiven: Bool

  public init(
    _ units: Int, inputs: Int? = nil, bias: Bool = true,
    activation: Activation = .identity, weightInit: Initializer = .pytorchDefault,
    biasInit: Initializer = .pytorchDefault
  ) {
    self.units = units
    self.inputs = inputs
    self.inputsGiven = inputs != nil
    self.useBias = bias
    self.activation = activation
    self.weightInit = weightInit
    self.biasInit = biasInit
    super.init()
    if let inputs { declare(inputs: inputs) }
  }

  public var typeName: String { "Dense" }
  override var declaresOnBuild: Bool { true }
  /// The weight `[units, inputs]`; nil until the input size is known.
  public var weight: Variable? { store.variable("weight") }
  /// The bias `[units]`.
  public var bias: Variable? { store.variable("bias") }

  var shortName: String { "Dense(\(units))" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive([("units", units)], layer: shortName)
    guard input.count == 1 else {
      throw ShapeError(
        layer: shortName, got: input, expected: "[features]",
        problem: "\(shortName) expects a flat input [features] but gets \(shapeText(input))",
        fix: "put Flatten() before it")
    }
    if let inputs, inputs != input[0] {
      throw ShapeError(
        layer: shortName, got: input, expected: "\(inputs) inputs",
        problem: "\(shortName) expects \(inputs) inputs but gets \(input[0])",
        fix:
          "the layer before it gives \(input[0]) features; set inputs: \(input[0]) or leave inputs out"
      )
    }
    return [units]
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    let output = try outputShape(for: input)
    inputs = input[0]
    declare(inputs: input[0])
    store.reseed(seed)
    return output
  }

  private func declare(inputs: Int) {
    var specs = [
      ParameterSpec(
        name: "weight", shape: [units, inputs], initializer: weightInit,
        fanIn: inputs, fanOut: units)
    ]
    if useBias {
      specs.append(
        ParameterSpec(
          name: "bias", shape: [units], initializer: biasInit,
          fanIn: inputs, fanOut: units))
    }
    store.declare(parameters: specs)
  }

  public func cost(input: [Int]) throws -> LayerCost {
    _ = try outputShape(for: input)
    let params = units * (input[0] + (useBias ? 1 : 0))
    return LayerCost(parameters: params, buffers: 0, multAdds: params, arithmetic: [], window: nil)
  }

  public var description: String {
    withName(
      "Dense("
        + arguments(
          "\(units)",
          inputsGiven ? "inputs: \(inputs ?? 0)" : nil,
          useBias ? nil : "bias: false",
          activation == .identity ? nil : "activation: \(activation)",
          weightInit == .pytorchDefault ? nil : "weightInit: \(weightInit)") + ")")
  }

  /// `[N, inputs]` → `[N, units]`, then the activation.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: shortName)
    guard let weight else { throw unbuilt(shortName) }
    return try activation.apply(try linear(input, weight: weight, bias: bias))
  }
}
