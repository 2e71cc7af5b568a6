import Autograd
import Tensor

/// Dropout: in training mode each element is zeroed with probability `p` and the rest scaled by
/// `1/(1 − p)`; in evaluation mode it passes the input through. Masks come from a generator seeded
/// when the model is built, so a run with the same seed drops the same elements.
public final class Dropout: LayerBase, Layer {
  public let probability: Double
  var generator = SeededGenerator(seed: 0)

  public init(_ probability: Double = 0.5) {
    self.probability = probability
    super.init()
  }

  public var typeName: String { "Dropout" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    guard probability >= 0, probability < 1 else {
      throw ShapeError(
        layer: "Dropout(\(probability))", got: input, expected: "0 ≤ p < 1",
        problem: "Dropout(\(probability)) has a drop probability outside [0, 1)",
        fix: "give a probability such as 0.5")
    }
    return input
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    generator = SeededGenerator(seed: mixSeed(seed, "mask"))
    return try outputShape(for: input)
  }

  public var description: String {
    withName(probability == 0.5 ? "Dropout()" : "Dropout(\(probability))")
  }

  /// Drops elements in training mode, passes the input through in evaluation mode.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: description)
    return try input.dropout(p: Float(probability), training: isTraining, using: &generator)
  }
}

/// Flattens each sample: `[N, C, H, W]` → `[N, C·H·W]`.
public final class Flatten: LayerBase, Layer {
  public override init() { super.init() }
  public var typeName: String { "Flatten" }
  public func outputShape(for input: [Int]) throws -> [Int] {
    guard input.reduce(1.0, { $0 * Double($1) }) <= Double(1 << 40) else {
      throw ShapeError(
        layer: "Flatten()", got: input, expected: "at most 2^40 features",
        problem: "Flatten() cannot flatten \(shapeText(input))", fix: "reduce the map first")
    }
    return [input.reduce(1, *)]
  }
  public var description: String { withName("Flatten()") }

  /// `[N, …]` → `[N, product of the rest]`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: "Flatten()")
    return try input.flattened(startAxis: 1)
  }
}

/// Upsampling of `[N, C, H, W]` by an integer factor: `[N, C, H·scale, W·scale]`, nearest or
/// bilinear (`alignCorners: false`, as PyTorch's default).
public final class Upsample: LayerBase, Layer {
  public enum Mode: String, Sendable { case nearest, bilinear }
  public let scale: Int
  public let mode: Mode

  public init(scale: Int = 2, mode: Mode = .nearest) {
    self.scale = scale
    self.mode = mode
    super.init()
  }

  public var typeName: String { "Upsample" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive([("scale", scale)], layer: "Upsample(scale: \(scale))")
    try requireImage(input, layer: "Upsample()")
    return [input[0], input[1] * scale, input[2] * scale]
  }

  public func cost(input: [Int]) throws -> LayerCost {
    _ = try outputShape(for: input)
    return LayerCost(
      parameters: 0, buffers: 0, multAdds: 0, arithmetic: [],
      window: Window(kernel: 1, stride: 1, scale: scale))
  }

  public var description: String {
    withName(
      "Upsample("
        + arguments(
          scale == 2 ? nil : "scale: \(scale)",
          mode == .nearest ? nil : "mode: .\(mode.rawValue)") + ")")
  }

  /// `[N, C, H, W]` → `[N, C, H·scale, W·scale]`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: description)
    return try input.upsample(scale: scale, mode: mode == .nearest ? .nearest : .bilinear)
  }
}
