extension Kernels {
  /// Nearest-neighbour upsampling: [N, C, H, W] → [N, C, oH, oW], output (y, x) copies input
  /// (⌊y·H/oH⌋, ⌊x·W/oW⌋) (PyTorch's "nearest").
  public static func upsampleNearest2d(_ input: Tensor, outputSize: Size2) throws -> Tensor {
    let (n, c, h, w) = try upsampleShape(input.shape, outputSize)
    let (oh, ow) = (outputSize.h, outputSize.w)
    var out = try Tensor(zeros: [n, c, oh, ow])
    out.withUnsafeMutableBufferPointer { o in
      input.withUnsafeBufferPointer { x in
        for p in 0..<(n * c) {
          for y in 0..<oh {
            let sy = min(y * h / oh, h - 1)
            for xx in 0..<ow {
              o[(p * oh + y) * ow + xx] = x[(p * h + sy) * w + min(xx * w / ow, w - 1)]
            }
          }
        }
      }
    }
    return out
  }

  /// Nearest upsampling backward: each input gathers the gradients of the outputs that copied it.
  public static func upsampleNearest2dBackward(_ gradOutput: Tensor, inputShape: [Int]) throws
    -> Tensor
  {
    guard gradOutput.rank == 4 else {
      throw TensorError.shapeMismatch("upsample backward needs a rank-4 gradient")
    }
    let (oh, ow) = (gradOutput.shape[2], gradOutput.shape[3])
    let (n, c, h, w) = try upsampleShape(inputShape, Size2(oh, ow))
    var dx = try Tensor(zeros: inputShape)
    dx.withUnsafeMutableBufferPointer { d in
      gradOutput.withUnsafeBufferPointer { g in
        for p in 0..<(n * c) {
          for y in 0..<oh {
            let sy = min(y * h / oh, h - 1)
            for xx in 0..<ow {
              d[(p * h + sy) * w + min(xx * w / ow, w - 1)] += g[(p * oh + y) * ow + xx]
            }
          }
        }
      }
    }
    return dx
  }

  /// Bilinear upsampling: [N, C, H, W] → [N, C, oH, oW], PyTorch's `bilinear` with
  /// `align_corners` false (source = (dst + ½)·H/oH − ½, clamped at 0) or true (dst·(H−1)/(oH−1)).
  public static func upsampleBilinear2d(
    _ input: Tensor, outputSize: Size2, alignCorners: Bool = false
  ) throws -> Tensor {
    let (n, c, h, w) = try upsampleShape(input.shape, outputSize)
    let (oh, ow) = (outputSize.h, outputSize.w)
    let ys = bilinearTaps(h, oh, alignCorners), xs = bilinearTaps(w, ow, alignCorners)
    var out = try Tensor(zeros: [n, c, oh, ow])
    out.withUnsafeMutableBufferPointer { o in
      input.withUnsafeBufferPointer { x in
        for p in 0..<(n * c) {
          for y in 0..<oh {
            let (y0, y1, fy) = ys[y]
            for xx in 0..<ow {
              let (x0, x1, fx) = xs[xx]
              let r0 = (p * h + y0) * w, r1 = (p * h + y1) * w
              let top = x[r0 + x0] * (1 - fx) + x[r0 + x1] * fx
              let bottom = x[r1 + x0] * (1 - fx) + x[r1 + x1] * fx
              o[(p * oh + y) * ow + xx] = top * (1 - fy) + bottom * fy
            }
          }
        }
      }
    }
    return out
  }

  /// Bilinear upsampling backward: each output gradient split over its four source pixels.
  public static func upsampleBilinear2dBackward(
    _ gradOutput: Tensor, inputShape: [Int], alignCorners: Bool = false
  ) throws -> Tensor {
    guard gradOutput.rank == 4 else {
      throw TensorError.shapeMismatch("upsample backward needs a rank-4 gradient")
    }
    let (oh, ow) = (gradOutput.shape[2], gradOutput.shape[3])
    let (n, c, h, w) = try upsampleShape(inputShape, Size2(oh, ow))
    let ys = bilinearTaps(h, oh, alignCorners), xs = bilinearTaps(w, ow, alignCorners)
    var dx = try Tensor(zeros: inputShape)
    dx.withUnsafeMutableBufferPointer { d in
      gradOutput.withUnsafeBufferPointer { g in
        for p in 0..<(n * c) {
          for y in 0..<oh {
            let (y0, y1, fy) = ys[y]
            for xx in 0..<ow {
              let (x0, x1, fx) = xs[xx]
              let v = g[(p * oh + y) * ow + xx]
              let r0 = (p * h + y0) * w, r1 = (p * h + y1) * w
              d[r0 + x0] += v * (1 - fy) * (1 - fx)
              d[r0 + x1] += v * (1 - fy) * fx
              d[r1 + x0] += v * fy * (1 - fx)
              d[r1 + x1] += v * fy * fx
            }
          }
        }
      }
    }
    return dx
  }

  /// For each output position: the two source indices and the weight of the second.
  static func bilinearTaps(_ size: Int, _ out: Int, _ alignCorners: Bool) -> [(Int, Int, Float)] {
    (0..<out).map { i in
      var src: Float
      if alignCorners {
        src = out > 1 ? Float(i) * Float(size - 1) / Float(out - 1) : 0
      } else {
        src = max((Float(i) + 0.5) * Float(size) / Float(out) - 0.5, 0)
      }
      let i0 = min(Int(src), size - 1), i1 = min(i0 + 1, size - 1)
      return (i0, i1, src - Float(i0))
    }
  }

  static func upsampleShape(_ s: [Int], _ size: Size2) throws(TensorError) -> (Int, Int, Int, Int) {
    guard s.count == 4 else {
      throw .shapeMismatch("upsample input must be [N, C, H, W], got \(s)")
    }
    guard size.h >= 1, size.w >= 1, s[2] >= 1, s[3] >= 1 else {
      throw .invalidArgument(
        "upsample needs a positive output size and a non-empty input, got \(size) for \(s)")
    }
    _ = try Shape.checkedCount([s[0], s[1], size.h, size.w])
    return (s[0], s[1], s[2], s[3])
  }
}
