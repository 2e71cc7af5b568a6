extension Kernels {
  /// Adaptive average pooling: [N, C, H, W] → [N, C, oH, oW]; output cell (i, j) averages rows
  /// ⌊i·H/oH⌋ ..< ⌈(i+1)·H/oH⌉ and the matching columns (PyTorch's windows).
  /// `outputSize` 1 is global average pooling.
  public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: Size2) throws -> Tensor {
    let (n, c, h, w) = try adaptiveShape(input.shape, outputSize)
    var out = try Tensor(zeros: [n, c, outputSize.h, outputSize.w])
    out.withUnsafeMutableBufferPointer { o in
      input.withUnsafeBufferPointer { x in
        for p in 0..<(n * c) {
          adaptiveWindows(h, w, outputSize) { cell, y0, y1, x0, x1 in
            var acc: Float = 0
            for y in y0..<y1 { for xx in x0..<x1 { acc += x[p * h * w + y * w + xx] } }
            o[p * outputSize.h * outputSize.w + cell] = acc / Float((y1 - y0) * (x1 - x0))
          }
        }
      }
    }
    return out
  }

  /// Adaptive average pooling backward: each output gradient spread evenly over its window.
  public static func adaptiveAvgPool2dBackward(_ gradOutput: Tensor, inputShape: [Int]) throws
    -> Tensor
  {
    guard gradOutput.rank == 4 else {
      throw TensorError.shapeMismatch(
        "adaptive_avg_pool2d backward needs a rank-4 gradient, got \(gradOutput.shape)")
    }
    let size = Size2(gradOutput.shape[2], gradOutput.shape[3])
    let (n, c, h, w) = try adaptiveShape(inputShape, size)
    guard gradOutput.shape == [n, c, size.h, size.w] else {
      throw TensorError.shapeMismatch(
        "adaptive_avg_pool2d backward: gradient \(gradOutput.shape) for input \(inputShape)")
    }
    var dx = try Tensor(zeros: inputShape)
    dx.withUnsafeMutableBufferPointer { d in
      gradOutput.withUnsafeBufferPointer { g in
        for p in 0..<(n * c) {
          adaptiveWindows(h, w, size) { cell, y0, y1, x0, x1 in
            let v = g[p * size.h * size.w + cell] / Float((y1 - y0) * (x1 - x0))
            for y in y0..<y1 { for xx in x0..<x1 { d[p * h * w + y * w + xx] += v } }
          }
        }
      }
    }
    return dx
  }

  static func adaptiveShape(_ s: [Int], _ size: Size2) throws(TensorError) -> (Int, Int, Int, Int) {
    guard s.count == 4 else {
      throw .shapeMismatch("adaptive_avg_pool2d input must be [N, C, H, W], got \(s)")
    }
    guard size.h >= 1, size.w >= 1, s[2] >= 1, s[3] >= 1 else {
      throw .invalidArgument(
        "adaptive_avg_pool2d needs a positive output size and a non-empty input, got \(size) for \(s)"
      )
    }
    return (s[0], s[1], s[2], s[3])
  }

  @inline(__always)
  static func adaptiveWindows(
    _ h: Int, _ w: Int, _ size: Size2, _ body: (Int, Int, Int, Int, Int) -> Void
  ) {
    for i in 0..<size.h {
      let y0 = i * h / size.h, y1 = ((i + 1) * h + size.h - 1) / size.h
      for j in 0..<size.w {
        let x0 = j * w / size.w, x1 = ((j + 1) * w + size.w - 1) / size.w
        body(i * size.w + j, y0, y1, x0, x1)
      }
    }
  }
}
