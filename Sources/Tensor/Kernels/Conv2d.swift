/// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) by im2col + `cblas_sgemm`.
extension Kernels {
  /// Convolution forward.
  ///
  /// input [N, C, H, W], weight [outC, C/groups, kH, kW], bias [outC] or nil →
  /// output [N, outC, oH, oW] with `out[n, o] = f(bias[o] + Σ_{c,i,j} w[o, c, i, j] · x[n, c, y·s + i·d − p, …])`,
  /// `f` the `activation` (identity by default; ReLU, tanh and sigmoid are fused into the
  /// direct kernel's store, with the same bits as applying `Kernels.activation` afterwards).
  public static func conv2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, options: Conv2dOptions = Conv2dOptions(),
    activation: Activation = .identity
  ) throws -> Tensor {
    let g = try ConvGeometry.conv(input: input.shape, weight: weight.shape, options: options)
    if let bias, bias.shape != [g.outC] {
      throw TensorError.shapeMismatch("conv2d bias must be [\(g.outC)], got \(bias.shape)")
    }
    _ = try Shape.checkedCount(g.outputShape)
    if Shape.count(g.outputShape) == 0 || input.count == 0 || weight.count == 0 {
      return Kernels.activation(Tensor.zerosUnchecked(g.outputShape), activation)
    }
    // Every element is written by the GEMMs (beta = 0), so the output starts uninitialised.
    var out = Tensor.build(g.outputShape) { _ in }
    if ConvCore.usesDirect(g, .auto) && DirectActivation.fuses(activation) {
      try ConvCore.directForward(
        g, input: input, weight: weight, bias: bias, activation: activation, into: &out)
      return out
    }
    try Memory.checkScratch(rows: g.colRows, cols: g.colCols)  // one image's im2col columns
    try ConvCore.forward(g, input: input, weight: weight, bias: bias, into: &out)
    return Kernels.activation(out, activation)
  }

  /// Gradient of `conv2d` with respect to its input: [N, outC, oH, oW] → `inputShape`.
  public static func conv2dBackwardInput(
    _ gradOutput: Tensor, weight: Tensor, inputShape: [Int],
    options: Conv2dOptions = Conv2dOptions()
  ) throws -> Tensor {
    let g = try ConvGeometry.conv(input: inputShape, weight: weight.shape, options: options)
    try checkGradOutput(gradOutput, g)
    return try ConvCore.backward(g, gradOutput: gradOutput, input: nil, weight: weight).input!
  }

  /// Gradient of `conv2d` with respect to its weight: → [outC, C/groups, kH, kW].
  public static func conv2dBackwardWeight(
    _ gradOutput: Tensor, input: Tensor, weightShape: [Int],
    options: Conv2dOptions = Conv2dOptions()
  ) throws -> Tensor {
    let g = try ConvGeometry.conv(input: input.shape, weight: weightShape, options: options)
    try checkGradOutput(gradOutput, g)
    return try ConvCore.backward(g, gradOutput: gradOutput, input: input, weight: nil).weight!
  }

  /// Gradient of a per-channel bias: the sum of [N, C, H, W] over N, H and W → [C].
  public static func conv2dBackwardBias(_ gradOutput: Tensor) throws -> Tensor {
    guard gradOutput.rank == 4 else {
      throw TensorError.shapeMismatch("bias gradient needs [N, C, H, W], got \(gradOutput.shape)")
    }
    return ConvCore.channelSums(gradOutput)
  }

  /// All gradients of `conv2d` in one pass (input, weight, bias), sharing the unfolded columns.
  public static func conv2dBackward(
    _ gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
    options: Conv2dOptions = Conv2dOptions()
  ) throws -> (input: Tensor, weight: Tensor, bias: Tensor?) {
    let g = try ConvGeometry.conv(input: input.shape, weight: weight.shape, options: options)
    try checkGradOutput(gradOutput, g)
    let r = try ConvCore.backward(g, gradOutput: gradOutput, input: input, weight: weight)
    return (r.input!, r.weight!, hasBias ? ConvCore.channelSums(gradOutput) : nil)
  }

  static func checkGradOutput(_ gradOutput: Tensor, _ g: ConvGeometry) throws {
    guard gradOutput.shape == g.outputShape else {
      throw TensorError.shapeMismatch(
        "gradient shape \(gradOutput.shape) does not match the output \(g.outputShape)")
    }
  }
}

/// The pointer-level convolution passes shared by conv2d and convTranspose2d.
enum ConvCore {
  /// `out` = conv(input, weight) + bias, for a resolved geometry; `out` has `g.outputShape`.
  static func forward(
    _ g: ConvGeometry, input: Tensor, weight: Tensor, bias: Tensor?, into out: inout Tensor,
    path: ConvPath = .auto
  ) throws {
    if usesDirect(g, path) {
      return try directForward(g, input: input, weight: weight, bias: bias, into: &out)
    }
    if WidePlan.applies(g) {
      return try wideForward(g, input: input, weight: weight, bias: bias, into: &out)
    }
    try plainForward(g, input: input, weight: weight, bias: bias, into: &out)
  }

  /// Forward by plain im2col + GEMM: per chunk of images and group, the columns of each image,
  /// then out = W · col (+ bias), written straight to `out` for a chunk of one image.
  static func plainForward(
    _ g: ConvGeometry, input: Tensor, weight: Tensor, bias: Tensor?, into out: inout Tensor
  ) throws {
    let plan = ConvChunking(g)
    let ohw = g.colCols, ocg = g.outCPerGroup, rows = g.colRows
    try input.withUnsafeBufferPointer { xb in
      try weight.withUnsafeBufferPointer { wb in
        try out.withUnsafeMutableBufferPointer { ob in
          let x = UncheckedBox(xb.baseAddress!), w = UncheckedBox(wb.baseAddress!),
            o = SendablePointer(ob.baseAddress!)
          let bias = bias?.scalars
          try Threading.forEachChunk(plan.chunks, parallel: g.n > 1) { chunk in
            let images = plan.images(chunk, g.n), nb = images.count, cols = nb * ohw
            Scratch.with(rows * cols + ocg * cols) { s in
              let col = s, tmp = s + rows * cols
              for grp in 0..<g.groups {
                for (b, img) in images.enumerated() {
                  Im2col.unfold(
                    g, input: x.value + (img * g.c + grp * g.cPerGroup) * g.h * g.w,
                    col: col + b * ohw, ld: cols)
                }
                let wg = w.value + grp * ocg * rows
                if nb == 1 {
                  let dst = o.base + (images.lowerBound * g.outC + grp * ocg) * ohw
                  Gemm.sgemm(
                    m: ocg, n: cols, k: rows, a: wg, lda: rows, b: col, ldb: cols, c: dst, ldc: ohw)
                  if let bias {
                    for oc in 0..<ocg {
                      ConvCore.addScalar(dst + oc * ohw, bias[grp * ocg + oc], ohw)
                    }
                  }
                } else {
                  Gemm.sgemm(
                    m: ocg, n: cols, k: rows, a: wg, lda: rows, b: col, ldb: cols, c: tmp, ldc: cols
                  )
                  for (b, img) in images.enumerated() {
                    for oc in 0..<ocg {
                      let dst = o.base + (img * g.outC + grp * ocg + oc) * ohw,
                        src = tmp + oc * cols + b * ohw
                      if let bias {
                        ConvCore.copyAdding(dst, src, bias[grp * ocg + oc], ohw)
                      } else {
                        Im2col.copy(dst, src, ohw)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Gradients for input (when `weight` is given) and weight (when `input` is given): the direct
  /// kernel where it applies, else im2col + GEMM on the wide grid (stride 1) or plain columns.
  static func backward(
    _ g: ConvGeometry, gradOutput: Tensor, input: Tensor?, weight: Tensor?, path: ConvPath = .auto
  ) throws -> (input: Tensor?, weight: Tensor?) {
    if usesDirect(g, path) {
      return try directBackward(g, gradOutput: gradOutput, input: input, weight: weight)
    }
    try Memory.checkScratch(rows: g.colRows, cols: g.colCols)  // one image's im2col columns
    if WidePlan.applies(g) && gradOutput.count > 0 && Shape.count(g.inputShape) > 0
      && g.outC * g.colRows > 0
    {
      return try im2colBackward(
        g, WidePlan(g), gradOutput: gradOutput, input: input, weight: weight)
    }
    return try im2colBackward(
      g, PlainColumns(g: g), gradOutput: gradOutput, input: input, weight: weight)
  }

  /// `p[i] += v` for `n` floats.
  @inline(__always)
  static func addScalar(_ p: UnsafeMutablePointer<Float>, _ v: Float, _ n: Int) {
    var i = 0
    while i + 8 <= n {
      VectorMath.store(VectorMath.load(p + i) + v, p + i)
      i += 8
    }
    while i < n {
      p[i] += v
      i += 1
    }
  }

  /// `dst[i] = src[i] + v` for `n` floats.
  @inline(__always)
  static func copyAdding(
    _ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ v: Float, _ n: Int
  ) {
    var i = 0
    while i + 8 <= n {
      VectorMath.store(VectorMath.load(src + i) + v, dst + i)
      i += 8
    }
    while i < n {
      dst[i] = src[i] + v
      i += 1
    }
  }

  /// Sums `chunks` partial results in chunk order (deterministic) into one tensor of `shape`.
  static func sumPartials(_ partials: Tensor, chunks: Int, count: Int, shape: [Int]) -> Tensor {
    partials.withUnsafeBufferPointer { p in
      Tensor.build(shape) { out in
        let d = out.baseAddress!, s = p.baseAddress!
        d.update(from: s, count: count)
        for c in 1..<max(chunks, 1) {
          let q = s + c * count
          for i in 0..<count { d[i] += q[i] }
        }
      }
    }
  }

  /// Per-channel sums of an NCHW tensor over N, H, W → [C].
  static func channelSums(_ t: Tensor) -> Tensor {
    let n = t.shape[0], c = t.shape[1], hw = t.shape[2] * t.shape[3]
    var out = [Float](repeating: 0, count: c)
    if t.count == 0 { return Tensor(uncheckedShape: [c], scalars: out) }
    t.withUnsafeBufferPointer { p in
      out.withUnsafeMutableBufferPointer { ob in
        let src = UncheckedBox(p.baseAddress!), dst = SendablePointer(ob.baseAddress!)
        // One channel per chunk: the sum's order does not depend on the thread count.
        try? Threading.forEachChunk(c, parallel: Threading.worthParallel(t.count)) { ch in
          var acc = F8(), tail: Float = 0
          for img in 0..<n {
            let q = src.value + (img * c + ch) * hw
            var i = 0
            while i + 8 <= hw {
              acc += VectorMath.load(q + i)
              i += 8
            }
            while i < hw {
              tail += q[i]
              i += 1
            }
          }
          dst.base[ch] = acc.sum() + tail
        }
      }
    }
    return Tensor(uncheckedShape: [c], scalars: out)
  }
}

/// Calls `body` with the tensor's base pointer, or nil when there is no tensor.
@inline(__always)
func withOptionalPointer<R>(_ t: Tensor?, _ body: (UnsafePointer<Float>?) throws -> R) rethrows -> R
{
  guard let t else { return try body(nil) }
  return try t.withUnsafeBufferPointer { try body($0.baseAddress) }
}

/// Calls `body` with the tensor's mutable base pointer, or nil when there is no tensor.
@inline(__always)
func withOptionalMutablePointer<R>(
  _ t: inout Tensor?, _ body: (UnsafeMutablePointer<Float>?) throws -> R
) rethrows -> R {
  guard t != nil else { return try body(nil) }
  return try t!.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
}
