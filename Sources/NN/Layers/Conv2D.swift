import Autograd
import Tensor

/// A 2-D convolution over `[N, C, H, W]` input (NCHW), giving `[N, filters, H', W']`.
///
/// `H' = (H + 2P − D·(K − 1) − 1)/S + 1`, floored. Weight `[filters, C/groups, K, K]`, bias
/// `[filters]`, both PyTorch-default initialised (`U(±1/√(C/groups·K²))`) unless told otherwise.
/// `inChannels` is inferred from the input shape when the model is built, or given.
public final class Conv2D: LayerBase, Layer {
  public let filters: Int
  public let kernel: Int
  public let stride: Int
  public let padding: Padding
  public let dilation: Int
  public let groups: Int
  public let useBias: Bool
  public let activation: Activation
  public let weightInit: Initializer
  public let biasInit: Initializer
  /// The input channel count: given, or fixed when the model is built.
  public private(set) var inChannels: Int?
  private let inChannelsGiven: Bool

  public init(
    _ filters: Int, kernel: Int, stride: Int = 1, padding: Padding = 0,
    dilation: Int = 1, groups: Int = 1, bias: Bool = true,
    activation: Activation = .identity, inChannels: Int? = nil,
    weightInit: Initializer = .pytorchDefault, biasInit: Initializer = .pytorchDefault
  ) {
    self.filters = filters
    self.kernel = kernel
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
    self.useBias = bias
    self.activation = activation
    self.weightInit = weightInit
    self.biasInit = biasInit
    self.inChannels = inChannels
    self.inChannelsGiven = inChannels != nil
    super.init()
    if let inChannels { declare(inChannels: inChannels) }
  }

  public var typeName: String { "Conv2D" }
  override var declaresOnBuild: Bool { true }

  /// The weight `[filters, inChannels/groups, K, K]`; nil until the input channels are known.
  public var weight: Variable? { store.variable("weight") }
  /// The bias `[filters]`; nil without bias or before the layer is built.
  public var bias: Variable? { store.variable("bias") }

  var shortName: String { "Conv2D(\(filters), kernel: \(kernel))" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive(
      [
        ("filters", filters), ("kernel", kernel), ("stride", stride),
        ("dilation", dilation), ("groups", groups),
      ], layer: shortName)
    try requireImage(input, layer: shortName)
    if let inChannels, inChannels != input[0] {
      throw ShapeError(
        layer: shortName, got: input, expected: "\(inChannels) input channels",
        problem: "\(shortName) expects \(inChannels) input channels but gets \(input[0])",
        fix:
          "the layer before it gives \(input[0]) channels; set inChannels: \(input[0]) or leave it out"
      )
    }
    guard input[0] % groups == 0, filters % groups == 0 else {
      throw ShapeError(
        layer: shortName, got: input, expected: "channels divisible by \(groups) groups",
        problem:
          "\(shortName) splits \(input[0]) input and \(filters) output channels into \(groups) groups",
        fix: "both channel counts must be multiples of groups")
    }
    let out = try slidingOutput(
      layer: shortName, input: input, kernel: kernel, stride: stride,
      padding: padding, dilation: dilation)
    return [filters, out.height, out.width]
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    let output = try outputShape(for: input)
    inChannels = input[0]
    declare(inChannels: input[0])
    store.reseed(seed)
    return output
  }

  private func declare(inChannels: Int) {
    let perGroup = inChannels / max(groups, 1)
    let fanIn = perGroup * kernel * kernel
    let fanOut = filters / max(groups, 1) * kernel * kernel
    var specs = [
      ParameterSpec(
        name: "weight", shape: [filters, perGroup, kernel, kernel],
        initializer: weightInit, fanIn: fanIn, fanOut: fanOut)
    ]
    if useBias {
      specs.append(
        ParameterSpec(
          name: "bias", shape: [filters], initializer: biasInit,
          fanIn: fanIn, fanOut: fanOut))
    }
    store.declare(parameters: specs)
  }

  public func cost(input: [Int]) throws -> LayerCost {
    let output = try outputShape(for: input)
    let perOutput = input[0] / groups * kernel * kernel + (useBias ? 1 : 0)
    let params = filters * perOutput
    let pad = padding.perSide(extent: dilation * (kernel - 1) + 1)
    return LayerCost(
      parameters: params, buffers: 0, multAdds: params * output[1] * output[2],
      arithmetic: slidingArithmetic(
        height: input[1], width: input[2], kernel: kernel,
        stride: stride, padding: pad, dilation: dilation),
      window: Window(kernel: kernel, stride: stride, dilation: dilation))
  }

  public var description: String {
    withName(
      "Conv2D("
        + arguments(
          "\(filters)", "kernel: \(kernel)",
          stride == 1 ? nil : "stride: \(stride)",
          padding.isZero ? nil : "padding: \(padding)",
          dilation == 1 ? nil : "dilation: \(dilation)",
          groups == 1 ? nil : "groups: \(groups)",
          useBias ? nil : "bias: false",
          activation == .identity ? nil : "activation: \(activation)",
          inChannelsGiven ? "inChannels: \(inChannels ?? 0)" : nil,
          weightInit == .pytorchDefault ? nil : "weightInit: \(weightInit)") + ")")
  }

  /// `[N, C, H, W]` → `[N, filters, H', W']`, then the activation.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: shortName)
    guard let weight else { throw unbuilt(shortName) }
    let extent = dilation * (kernel - 1) + 1
    let options = Conv2dOptions(
      stride: Size2(stride),
      padding: padding == .same ? .same : .uniform(padding.perSide(extent: extent)),
      dilation: Size2(dilation), groups: groups)
    if let fused = activation.fused {
      return try conv2d(input, weight: weight, bias: bias, options: options, activation: fused)
    }
    return try activation.apply(try conv2d(input, weight: weight, bias: bias, options: options))
  }
}

/// The error of a layer whose tensors could not be allocated.
func unbuilt(_ layer: String) -> ShapeError {
  ShapeError(
    layer: layer, got: [], expected: "a built layer",
    problem: "\(layer) has no weights", fix: "check its sizes are positive")
}
