/// What batch-norm forward keeps for backward: the per-channel mean and 1/√(var + ε) it used.
public struct BatchNormSaved: Sendable {
  public var mean: [Float]
  public var invStd: [Float]
  public var training: Bool
  /// With a fused ReLU: the per-channel scale and shift of `y = x·scale + shift`, from which
  /// backward recomputes where y > 0 (the same floats as forward).
  var reluAffine: (scale: [Float], shift: [Float])?
}

extension Kernels {
  /// Batch normalisation over an NCHW tensor, per channel.
  ///
  /// `y = γ·(x − μ)/√(σ² + ε) + β` with μ, σ² the batch mean and biased variance over N, H, W in
  /// training (then `running ← (1 − momentum)·running + momentum·stat`, with the unbiased
  /// variance, as PyTorch), or the running statistics in evaluation. γ, β, running stats: [C].
  /// `relu` applies `max(0, y)` in the same pass, with the same bits as `activation(_:.relu)`.
  public static func batchNorm2d(
    _ input: Tensor, gamma: Tensor?, beta: Tensor?, runningMean: inout Tensor,
    runningVar: inout Tensor, training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5,
    relu: Bool = false
  ) throws -> (output: Tensor, saved: BatchNormSaved) {
    let stats: [(String, Tensor?)] = [("running mean", runningMean), ("running var", runningVar)]
    try checkBatchNorm(input, [("gamma", gamma), ("beta", beta)] + stats, training: training)
    if input.count == 0 { return emptyBatchNorm(input, runningMean, runningVar, training, epsilon) }
    let (n, c, hw) = (input.shape[0], input.shape[1], input.shape[2] * input.shape[3])
    let m = n * hw
    var mean = [Float](repeating: 0, count: c), invStd = [Float](repeating: 0, count: c)
    if training {
      var unbiased = [Float](repeating: 0, count: c)
      input.withUnsafeBufferPointer { x in
        mean.withUnsafeMutableBufferPointer { mb in
          invStd.withUnsafeMutableBufferPointer { ib in
            unbiased.withUnsafeMutableBufferPointer { ub in
              let xs = UncheckedBox(x.baseAddress!), ms = SendablePointer(mb.baseAddress!)
              let iv = SendablePointer(ib.baseAddress!), uv = SendablePointer(ub.baseAddress!)
              BatchNormLoops.perChannel(n: n, c: c, hw: hw) { ch in
                let (mu, ss) = BatchNormLoops.meanAndSquares(
                  xs.value, n: n, c: c, hw: hw, channel: ch)
                ms.base[ch] = Float(mu)
                iv.base[ch] = Float(1 / (ss / Double(m) + Double(epsilon)).squareRoot())
                uv.base[ch] = Float(ss / Double(m - 1))
              }
            }
          }
        }
      }
      for ch in 0..<c {
        runningMean.scalars[ch] = (1 - momentum) * runningMean.scalars[ch] + momentum * mean[ch]
        runningVar.scalars[ch] = (1 - momentum) * runningVar.scalars[ch] + momentum * unbiased[ch]
      }
    } else {
      for ch in 0..<c {
        mean[ch] = runningMean.scalars[ch]
        invStd[ch] = 1 / (runningVar.scalars[ch] + epsilon).squareRoot()
      }
    }
    let gs = gamma?.scalars, bs = beta?.scalars
    let scales = (0..<c).map { invStd[$0] * (gs?[$0] ?? 1) }
    let shifts = (0..<c).map { (bs?[$0] ?? 0) - mean[$0] * scales[$0] }
    let out = input.withUnsafeBufferPointer { x in
      Tensor.build(input.shape) { y in
        let xs = UncheckedBox(x.baseAddress!), ys = SendablePointer(y.baseAddress!)
        BatchNormLoops.perChannel(n: n, c: c, hw: hw) { ch in
          for img in 0..<n {
            let base = (img * c + ch) * hw
            BatchNormLoops.affine(
              xs.value + base, ys.base + base, scales[ch], shifts[ch], hw, relu: relu)
          }
        }
      }
    }
    let saved = BatchNormSaved(
      mean: mean, invStd: invStd, training: training, reluAffine: relu ? (scales, shifts) : nil)
    return (out, saved)
  }

  /// An input without elements (some size 0; the others may be huge): an empty output, the
  /// running statistics untouched; only C = 0 reaches here in training.
  private static func emptyBatchNorm(
    _ input: Tensor, _ runningMean: Tensor, _ runningVar: Tensor, _ training: Bool,
    _ epsilon: Float
  ) -> (output: Tensor, saved: BatchNormSaved) {
    let mean = runningMean.scalars
    let invStd = runningVar.scalars.map { 1 / ($0 + epsilon).squareRoot() }
    return (input, BatchNormSaved(mean: mean, invStd: invStd, training: training, reluAffine: nil))
  }

  /// Throws unless `input` is [N, C, H, W], each of `perChannel` is absent or [C], and training
  /// has more than one value per channel.
  private static func checkBatchNorm(
    _ input: Tensor, _ perChannel: [(String, Tensor?)], training: Bool
  ) throws {
    guard input.rank == 4 else {
      throw TensorError.shapeMismatch("batch_norm2d input must be [N, C, H, W], got \(input.shape)")
    }
    let c = input.shape[1]
    for (name, t) in perChannel {
      if let t, t.shape != [c] {
        throw TensorError.shapeMismatch("batch_norm2d \(name) must be [\(c)], got \(t.shape)")
      }
    }
    // count / C, not N·H·W: an empty input's other sizes may multiply past Int.max.
    if training && c > 0 && input.count / c <= 1 {
      throw TensorError.invalidArgument(
        "batch_norm2d in training needs more than one value per channel, input \(input.shape)")
    }
  }

  /// Batch normalisation backward → gradients for input [N, C, H, W], γ [C] and β [C].
  ///
  /// Training: `dx = γ·invStd/m · (m·dy − Σdy − x̂·Σ(dy·x̂))` with x̂ the normalised input;
  /// evaluation: `dx = γ·invStd·dy`. `dγ = Σ dy·x̂`, `dβ = Σ dy` (sums over N, H, W). When the
  /// forward fused a ReLU, `gradOutput` is the ReLU's and dy is taken as 0 where y ≤ 0.
  public static func batchNorm2dBackward(
    _ gradOutput: Tensor, input: Tensor, gamma: Tensor?, saved: BatchNormSaved
  ) throws -> (input: Tensor, gamma: Tensor, beta: Tensor) {
    guard gradOutput.shape == input.shape, input.rank == 4, saved.mean.count == input.shape[1]
    else {
      throw TensorError.shapeMismatch(
        "batch_norm2d backward: gradient \(gradOutput.shape), input \(input.shape)")
    }
    if input.count == 0 {
      let zeros = Tensor.zerosUnchecked([input.shape[1]])
      return (input, zeros, zeros)
    }
    let (n, c, hw) = (input.shape[0], input.shape[1], input.shape[2] * input.shape[3])
    let m = Float(n * hw)
    var dGamma = [Float](repeating: 0, count: c), dBeta = [Float](repeating: 0, count: c)
    var dx = Tensor.build(input.shape) { _ in }
    let gammas = (0..<c).map { gamma?.scalars[$0] ?? 1 }
    input.withUnsafeBufferPointer { x in
      gradOutput.withUnsafeBufferPointer { dy in
        dx.withUnsafeMutableBufferPointer { d in
          dGamma.withUnsafeMutableBufferPointer { gb in
            dBeta.withUnsafeMutableBufferPointer { bb in
              let xs = UncheckedBox(x.baseAddress!), dys = UncheckedBox(dy.baseAddress!),
                ds = SendablePointer(d.baseAddress!)
              let gp = SendablePointer(gb.baseAddress!), bp = SendablePointer(bb.baseAddress!)
              BatchNormLoops.perChannel(n: n, c: c, hw: hw) { ch in
                let mu = saved.mean[ch], inv = saved.invStd[ch]
                let mask = saved.reluAffine.map {
                  ReluMask(scale: $0.scale[ch], shift: $0.shift[ch])
                }
                let (sdy, sdyx) = BatchNormLoops.gradientSums(
                  xs.value, dys.value, n: n, c: c, hw: hw, channel: ch, mean: mu, invStd: inv,
                  mask: mask)
                bp.base[ch] = Float(sdy)
                gp.base[ch] = Float(sdyx)
                let k = gammas[ch] * inv
                let a = saved.training ? Float(sdy) / m : 0,
                  b = saved.training ? Float(sdyx) / m : 0
                for img in 0..<n {
                  let base = (img * c + ch) * hw
                  BatchNormLoops.inputGradient(
                    xs.value + base, dys.value + base, ds.base + base, k: k, a: a, b: b, mean: mu,
                    invStd: inv, hw, mask: mask)
                }
              }
            }
          }
        }
      }
    }
    return (
      dx, Tensor(uncheckedShape: [c], scalars: dGamma), Tensor(uncheckedShape: [c], scalars: dBeta)
    )
  }
}
