import Autograd
import Tensor

/// A named trainable tensor of a layer, e.g. `"0.conv1.weight"`.
public struct NamedParameter {
  /// The dotted path from the outermost container, e.g. `"layer1.0.conv1.weight"`.
  public let name: String
  public let variable: Variable

  public init(name: String, variable: Variable) {
    self.name = name
    self.variable = variable
  }
}

/// A named non-trainable state tensor (BatchNorm's running mean and variance), for checkpoints.
///
/// The variable never requires a gradient; assign `variable.value` to restore it.
public struct NamedBuffer {
  public let name: String
  public let variable: Variable

  public init(name: String, variable: Variable) {
    self.name = name
    self.variable = variable
  }
}

/// A building block of a network: a function of one batch-first tensor with named parameters.
///
/// Inputs are batch-first: `[N, C, H, W]` (NCHW) for images, `[N, features]` for flat data.
/// Shapes passed to `outputShape(for:)` and `build(input:seed:)` are per sample (no batch axis).
public protocol Layer: AnyObject {
  /// The type as a user writes it, e.g. `"Conv2D"`.
  var typeName: String { get }
  /// An optional user-given block name; containers use it in parameter paths instead of the index.
  var name: String? { get set }
  /// Applies the layer to a batch, `[N, C, H, W]` or `[N, features]`.
  func callAsFunction(_ input: Variable) throws -> Variable
  /// Trainable tensors in a stable order, named with their container paths.
  var parameters: [NamedParameter] { get }
  /// Non-trainable state (BatchNorm running statistics), named like `parameters`.
  var buffers: [NamedBuffer] { get }
  /// Training mode: containers propagate it; Dropout and BatchNorm obey it.
  var isTraining: Bool { get set }
  /// The per-sample output shape for a per-sample input shape, e.g. `[1,32,32] -> [6,28,28]`.
  func outputShape(for input: [Int]) throws -> [Int]
  /// Direct sub-layers of a container; `[]` for leaves.
  var children: [Layer] { get }
  /// Reads like the code that builds the layer, defaults left out: `Conv2D(6, kernel: 5)`.
  var description: String { get }

  /// Fixes sizes that depend on the input (Conv2D's inChannels, Dense's inputs) and the seed that
  /// initialises the weights; returns the per-sample output shape. Weights are allocated lazily.
  func build(input: [Int], seed: UInt64) throws -> [Int]
  /// The number of trainable scalars, counted without allocating any weights.
  var parameterCount: Int { get }
  /// What the layer costs for one sample of the given shape (parameters, mult-adds, arithmetic).
  func cost(input: [Int]) throws -> LayerCost
}

extension Layer {
  public func build(input: [Int], seed: UInt64) throws -> [Int] { try outputShape(for: input) }
  public var parameterCount: Int {
    parameters.reduce(0) { $0 + $1.variable.value.shape.reduce(1, *) }
  }
  public func cost(input: [Int]) throws -> LayerCost {
    LayerCost(parameters: parameterCount, buffers: 0, multAdds: 0, arithmetic: [], window: nil)
  }
  /// Sets training mode on this layer and every layer inside it.
  public func train(_ on: Bool = true) { isTraining = on }
  /// Sets evaluation (inference) mode: Dropout passes through, BatchNorm uses running statistics.
  public func eval() { isTraining = false }
}

/// What a layer costs for one sample: the numbers a summary shows.
public struct LayerCost: Sendable, Equatable {
  /// Trainable scalars.
  public var parameters: Int
  /// Non-trainable state scalars (running statistics).
  public var buffers: Int
  /// Multiply-adds per sample: one multiply-add counts once (FLOPs = 2 x MACs), biases included
  /// as one per output element, as torchinfo counts them.
  public var multAdds: Int
  /// The output-size arithmetic, one entry per spatial axis (one if both axes agree).
  public var arithmetic: [SizeArithmetic]
  /// The sliding window, for the receptive field; nil for pointwise layers.
  public var window: Window?

  public init(
    parameters: Int, buffers: Int, multAdds: Int, arithmetic: [SizeArithmetic],
    window: Window?
  ) {
    self.parameters = parameters
    self.buffers = buffers
    self.multAdds = multAdds
    self.arithmetic = arithmetic
    self.window = window
  }
}

/// A sliding window over the spatial axes, for receptive-field arithmetic.
///
/// `scale` > 1 marks an upsampling layer (transposed convolution, Upsample) that divides the jump.
public struct Window: Sendable, Equatable {
  public var kernel: Int
  public var stride: Int
  public var dilation: Int
  public var scale: Int

  public init(kernel: Int, stride: Int, dilation: Int = 1, scale: Int = 1) {
    self.kernel = kernel
    self.stride = stride
    self.dilation = dilation
    self.scale = scale
  }
}
