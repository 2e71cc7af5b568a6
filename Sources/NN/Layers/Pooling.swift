import Autograd
import Tensor

/// Max or average pooling over `[N, C, H, W]` (NCHW): each `size x size` window, moved by `stride`
/// (default: `size`), gives its maximum or mean; `H' = (H − F + 2P)/S + 1`, floored.
///
/// Average pooling counts padded zeros in the mean, as PyTorch does by default.
public class Pool2D: LayerBase, Layer {
  public enum Kind: Sendable { case max, average }
  public let kind: Kind
  public let size: Int
  public let stride: Int
  public let padding: Padding
  private let strideGiven: Bool

  init(kind: Kind, size: Int, stride: Int?, padding: Padding) {
    self.kind = kind
    self.size = size
    self.stride = stride ?? size
    self.strideGiven = stride != nil && stride != size
    self.padding = padding
    super.init()
  }

  public var typeName: String { kind == .max ? "MaxPool2D" : "AvgPool2D" }
  var shortName: String { "\(typeName)(\(size))" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive([("size", size), ("stride", stride)], layer: shortName)
    let out = try slidingOutput(
      layer: shortName, input: input, kernel: size, stride: stride,
      padding: padding, dilation: 1)
    return [input[0], out.height, out.width]
  }

  public func cost(input: [Int]) throws -> LayerCost {
    let out = try slidingOutput(
      layer: shortName, input: input, kernel: size, stride: stride,
      padding: padding, dilation: 1)
    return LayerCost(
      parameters: 0, buffers: 0, multAdds: 0, arithmetic: out.arithmetic,
      window: Window(kernel: size, stride: stride))
  }

  public var description: String {
    withName(
      "\(typeName)("
        + arguments(
          "\(size)", strideGiven ? "stride: \(stride)" : nil,
          padding.isZero ? nil : "padding: \(padding)") + ")")
  }

  /// `[N, C, H, W]` → `[N, C, H', W']`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: shortName)
    let options = Pool2dOptions(
      kernel: Size2(size), stride: Size2(stride),
      padding: Size2(padding.perSide(extent: size)))
    return kind == .max ? try input.maxPool2d(options) : try input.avgPool2d(options)
  }
}

/// Max pooling: `MaxPool2D(2)` halves height and width, keeping each window's largest value.
public final class MaxPool2D: Pool2D {
  public init(_ size: Int, stride: Int? = nil, padding: Padding = 0) {
    super.init(kind: .max, size: size, stride: stride, padding: padding)
  }
}

/// Average pooling: `AvgPool2D(2)` halves height and width, keeping each window's mean.
public final class AvgPool2D: Pool2D {
  public init(_ size: Int, stride: Int? = nil, padding: Padding = 0) {
    super.init(kind: .average, size: size, stride: stride, padding: padding)
  }
}

/// Global average pooling: `[N, C, H, W]` → `[N, C]`, the mean of each channel.
public final class GlobalAvgPool2D: LayerBase, Layer {
  public override init() { super.init() }
  public var typeName: String { "GlobalAvgPool2D" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requireImage(input, layer: "GlobalAvgPool2D()")
    return [input[0]]
  }

  public func cost(input: [Int]) throws -> LayerCost {
    try requireImage(input, layer: "GlobalAvgPool2D()")
    return LayerCost(
      parameters: 0, buffers: 0, multAdds: 0, arithmetic: [],
      window: Window(kernel: max(input[1], input[2]), stride: 1))
  }

  public var description: String { withName("GlobalAvgPool2D()") }

  /// `[N, C, H, W]` → `[N, C]`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: "GlobalAvgPool2D()")
    return try input.globalAvgPool2d()
  }
}

/// Adaptive average pooling to a fixed `size x size` output, whatever the input size (torchvision's
/// AlexNet uses 6): `[N, C, H, W]` → `[N, C, size, size]`.
public final class AdaptiveAvgPool2D: LayerBase, Layer {
  public let size: Int
  public init(_ size: Int) {
    self.size = size
    super.init()
  }
  public var typeName: String { "AdaptiveAvgPool2D" }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try requirePositive([("size", size)], layer: "AdaptiveAvgPool2D(\(size))")
    try requireImage(input, layer: "AdaptiveAvgPool2D(\(size))")
    return [input[0], size, size]
  }

  public func cost(input: [Int]) throws -> LayerCost {
    _ = try outputShape(for: input)
    let window = (input[2] + size - 1) / size
    return LayerCost(
      parameters: 0, buffers: 0, multAdds: 0, arithmetic: [],
      window: input[2] == size ? nil : Window(kernel: window, stride: input[2] / size))
  }

  public var description: String { withName("AdaptiveAvgPool2D(\(size))") }

  /// `[N, C, H, W]` → `[N, C, size, size]`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    try prepare(input, shortName: "AdaptiveAvgPool2D(\(size))")
    return try input.adaptiveAvgPool2d(Size2(size))
  }
}
