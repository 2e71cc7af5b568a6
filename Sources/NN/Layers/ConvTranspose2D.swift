import Autograd
import Tensor

/// A transposed convolution ("up-convolution") over `[N, C, H, W]` (NCHW):
/// `H' = (H − 1)·S − 2P + K + outputPadding`.
///
/// Weight `[C, filters, K, K]` (PyTorch's layout), bias `[filters]`; PyTorch-default initialised,
/// with PyTorch's fan-in for this layer, `filters·K²`. `inChannels` is inferred or given.
public final class ConvTranspose2D: LayerBase, Layer {
  public let filters: Int
  public let kernel: Int
  public let stride: Int
  public let padding: Int
  public let outputPadding: Int
  public let useBias: Bool
  public let activation: Activation
  public private(set) var inChannels: Int?
  private let inChannelsGiven: Bool

  public init(
    _ filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
    outputPadding: Int = 0, bias: Bool = true, activation: Activation = .identity,
    inChannels: Int? = nil
  ) {
    self.filters = filters
    self.kernel = kernel
    self.stride = stride
    self.padding = padding
    self.outputPadding = outputPadding
    self.useBias = bias
    self.activation = activation
    self.inChannels = inChannels
    self.inChannelsGiven = inChannels != nil
    super.init()
    if let inChannels { declare(inChannels) }
  }

  public var typeName: String { "ConvTranspose2D" }
  override var declaresOnBuild: Bool { true }
  public var weight: Variable? { store.variable("weight") }
  public var bias: Variable? { store.variable("bias") }
  var shortName: String { "ConvTranspose2D(\(filters), kernel: \(kernel))" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive(
      [("filters", filters), ("kernel", kernel), ("stride", stride)],
      layer: shortName)
    try requireImage(input, layer: shortName)
    guard (0...sizeLimit).contains(padding), (0..<stride).contains(outputPadding) else {
      throw ShapeError(
        layer: shortName, got: input, expected: "padding ≥ 0 and outputPadding < stride",
        problem: "\(shortName) has padding \(padding) and outputPadding \(outputPadding)",
        fix: "padding must be 0 or more and outputPadding smaller than the stride")
    }
    if let inChannels, inChannels != input[0] {
      throw ShapeError(
        layer: shortName, got: input, expected: "\(inChannels) input channels",
        problem: "\(shortName) expects \(inChannels) input channels but gets \(input[0])",
        fix: "set inChannels: \(input[0]) or leave it out")
    }
    let axes = arithmetic(input)
    guard let height = axes.first?.output, let width = axes.last?.output, height > 0, width > 0
    else {
      throw ShapeError(
        layer: shortName, got: input, expected: "a positive output size",
        problem: "\(shortName) gives an empty output for \(spatialText(input))",
        fix: "use less padding")
    }
    return [filters, height, width]
  }

  private func arithmetic(_ input: [Int]) -> [SizeArithmetic] {
    let w = SizeArithmetic(
      transposed: input[2], kernel: kernel, stride: stride, padding: padding,
      outputPadding: outputPadding, axis: "W")
    if input[1] == input[2] { return [w] }
    let h = SizeArithmetic(
      transposed: input[1], kernel: kernel, stride: stride, padding: padding,
      outputPadding: outputPadding, axis: "H")
    return [h, w]
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    let output = try outputShape(for: input)
    inChannels = input[0]
    declare(input[0])
    store.reseed(seed)
    return output
  }

  private func declare(_ inChannels: Int) {
    let fan = filters * kernel * kernel
    var specs = [
      ParameterSpec(
        name: "weight", shape: [inChannels, filters, kernel, kernel],
        initializer: .pytorchDefault, fanIn: fan, fanOut: inChannels * kernel * kernel)
    ]
    if useBias {
      specs.append(
        ParameterSpec(
          name: "bias", shape: [filters], initializer: .pytorchDefault,
          fanIn: fan, fanOut: fan))
    }
    store.declare(parameters: specs)
  }

  /// Mult-adds: every input pixel meets every weight once, `C·filters·K²·H·W`, plus one per
  /// output element for the bias.
  public func cost(input: [Int]) throws -> LayerCost {
    let output = try outputShape(for: input)
    let weights = input[0] * filters * kernel * kernel
    let macs = weights * input[1] * input[2] + (useBias ? output.reduce(1, *) : 0)
    return LayerCost(
      parameters: weights + (useBias ? filters : 0), buffers: 0, multAdds: macs,
      arithmetic: arithmetic(input),
      window: Window(kernel: kernel, stride: 1, scale: stride))
  }

  public var description: String {
    withName(
      "ConvTranspose2D("
        + arguments(
          "\(filters)", "kernel: \(kernel)", stride == 1 ? nil : "stride: \(stride)",
          padding == 0 ? nil : "padding: \(padding)",
          outputPadding == 0 ? nil : "outputPadding: \(outputPadding)",
          useBias ? nil : "bias: false",
          activation == .identity ? nil : "activation: \(activation)",
          inChannelsGiven ? "inChannels: \(inChannels ?? 0)" : nil) + ")")
  }

  /// `[N, C, H, W]` → `[N, filters, H', W']`, then the activation.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: shortName)
    guard let weight else { throw unbuilt(shortName) }
    let options = ConvTranspose2dOptions(
      stride: Size2(stride), padding: Size2(padding),
      outputPadding: Size2(outputPadding))
    return try activation.apply(
      try convTranspose2d(input, weight: weight, bias: bias, options: options))
  }
}
