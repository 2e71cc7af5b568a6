import Autograd
import Tensor

/// Batch normalisation over `[N, C, H, W]` (NCHW), per channel:
/// `y = (x − mean) / √(var + eps) · weight + bias`.
///
/// Training mode normalises with the batch's statistics and updates the running ones,
/// `running = (1 − momentum)·running + momentum·batch` (unbiased variance, as PyTorch);
/// evaluation mode uses the running statistics. Parameters `weight` (ones) and `bias` (zeros),
/// buffers `running_mean` (zeros) and `running_var` (ones), each `[C]`; C is inferred or given.
public final class BatchNorm2D: LayerBase, Layer {
  public let eps: Double
  public let momentum: Double
  public private(set) var channels: Int?
  private let channelsGiven: Bool

  public init(channels: Int? = nil, eps: Double = 1e-5, momentum: Double = 0.1) {
    self.channels = channels
    self.channelsGiven = channels != nil
    self.eps = eps
    self.momentum = momentum
    super.init()
    if let channels { declare(channels) }
  }

  public var typeName: String { "BatchNorm2D" }
  override var declaresOnBuild: Bool { true }
  public var weight: Variable? { store.variable("weight") }
  public var bias: Variable? { store.variable("bias") }
  public var runningMean: Variable? { store.variable("running_mean") }
  public var runningVar: Variable? { store.variable("running_var") }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requireImage(input, layer: "BatchNorm2D()")
    if let channels, channels != input[0] {
      throw ShapeError(
        layer: "BatchNorm2D()", got: input, expected: "\(channels) channels",
        problem:
          "BatchNorm2D(channels: \(channels)) expects \(channels) channels but gets \(input[0])",
        fix: "set channels: \(input[0]) or leave it out")
    }
    return input
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    let output = try outputShape(for: input)
    channels = input[0]
    declare(input[0])
    store.reseed(seed)
    return output
  }

  private func declare(_ channels: Int) {
    func spec(_ name: String, _ value: Initializer) -> ParameterSpec {
      ParameterSpec(name: name, shape: [channels], initializer: value, fanIn: 1, fanOut: 1)
    }
    store.declare(
      parameters: [spec("weight", .ones), spec("bias", .zeros)],
      buffers: [spec("running_mean", .zeros), spec("running_var", .ones)])
  }

  public func cost(input: [Int]) throws -> LayerCost {
    _ = try outputShape(for: input)
    return LayerCost(
      parameters: 2 * input[0], buffers: 2 * input[0], multAdds: 2 * input[0],
      arithmetic: [], window: nil)
  }

  public var description: String {
    withName(
      "BatchNorm2D("
        + arguments(
          channelsGiven ? "channels: \(channels ?? 0)" : nil,
          eps == 1e-5 ? nil : "eps: \(eps)", momentum == 0.1 ? nil : "momentum: \(momentum)") + ")")
  }

  /// Normalises `[N, C, H, W]`; in training mode also updates the running statistics.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try callAsFunction(input, fusingReLU: false)
  }

  /// Normalises, then (`fusingReLU`) applies the ReLU that follows it in a chain, in one pass:
  /// the same values and gradients as the two layers one after the other.
  func callAsFunction(_ input: Variable, fusingReLU: Bool) throws -> Variable {
    try prepare(input, shortName: "BatchNorm2D()")
    guard let runningMean, let runningVar else { throw unbuilt("BatchNorm2D()") }
    return try batchNorm2d(
      input, gamma: weight, beta: bias, runningMean: &runningMean.value,
      runningVar: &runningVar.value, training: isTraining,
      momentum: Float(momentum), epsilon: Float(eps), relu: fusingReLU)
  }
}
