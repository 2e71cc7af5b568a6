import Tensor

/// Pooling and resampling of NCHW variables.
extension Variable {
  /// Max pooling [N, C, H, W] → [N, C, oH, oW]; the gradient goes to each window's maximum.
  public func maxPool2d(_ options: Pool2dOptions) throws -> Variable {
    let inShape = shape
    let (y, indices) = try Kernels.maxPool2d(value, options: options)
    return Variable.op(y, [self]) { g in
      [try Kernels.maxPool2dBackward(g, indices: indices, inputShape: inShape)]
    }
  }

  /// Average pooling [N, C, H, W] → [N, C, oH, oW].
  public func avgPool2d(_ options: Pool2dOptions) throws -> Variable {
    let inShape = shape
    let y = try Kernels.avgPool2d(value, options: options)
    return Variable.op(y, [self]) { g in
      [try Kernels.avgPool2dBackward(g, inputShape: inShape, options: options)]
    }
  }

  /// Adaptive average pooling [N, C, H, W] → [N, C, oH, oW] (PyTorch's windows).
  public func adaptiveAvgPool2d(_ outputSize: Size2) throws -> Variable {
    let inShape = shape
    let y = try Kernels.adaptiveAvgPool2d(value, outputSize: outputSize)
    return Variable.op(y, [self]) { g in
      [try Kernels.adaptiveAvgPool2dBackward(g, inputShape: inShape)]
    }
  }

  /// Global average pooling [N, C, H, W] → [N, C] (the mean of each plane).
  public func globalAvgPool2d() throws -> Variable {
    try adaptiveAvgPool2d(1).flattened(startAxis: 1)
  }

  /// Nearest-neighbour upsampling to `size` [N, C, oH, oW].
  public func upsampleNearest(size: Size2) throws -> Variable {
    let inShape = shape
    let y = try Kernels.upsampleNearest2d(value, outputSize: size)
    return Variable.op(y, [self]) { g in
      [try Kernels.upsampleNearest2dBackward(g, inputShape: inShape)]
    }
  }

  /// Bilinear upsampling to `size` [N, C, oH, oW].
  public func upsampleBilinear(size: Size2, alignCorners: Bool = false) throws -> Variable {
    let inShape = shape
    let y = try Kernels.upsampleBilinear2d(value, outputSize: size, alignCorners: alignCorners)
    return Variable.op(y, [self]) { g in
      [try Kernels.upsampleBilinear2dBackward(g, inputShape: inShape, alignCorners: alignCorners)]
    }
  }

  /// Upsampling by an integer `scale` (H·scale × W·scale), nearest or bilinear.
  public func upsample(scale: Int, mode: UpsampleMode = .nearest) throws -> Variable {
    guard rank4, scale >= 1 else {
      throw TensorError.invalidArgument(
        "upsample needs an [N, C, H, W] input and a scale >= 1, got \(shape) and \(scale)")
    }
    let (height, tall) = shape[2].multipliedReportingOverflow(by: scale)
    let (width, wide) = shape[3].multipliedReportingOverflow(by: scale)
    guard !tall, !wide else {
      throw TensorError.invalidArgument(
        "upsample: \(shape) scaled by \(scale) is larger than any tensor can be")
    }
    let size = Size2(height, width)
    switch mode {
    case .nearest: return try upsampleNearest(size: size)
    case .bilinear: return try upsampleBilinear(size: size)
    }
  }

  private var rank4: Bool { shape.count == 4 }
}

/// How `upsample` fills new pixels.
public enum UpsampleMode: Sendable, Hashable {
  case nearest
  case bilinear
}
