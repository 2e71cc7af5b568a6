/// What batch-norm forward keeps for backward: the per-channel mean and 1/√(var + ε) it used.
public struct BatchNormSaved: Sendable {
  public var mean: [Float]
  public var invStd: [Float]
  public var training: Bool
}

extension Kernels {
  /// Batch normalisation over an NCHW tensor, per channel.
  ///
  /// `y = γ·(x − μ)/√(σ² + ε) + β` with μ, σ² the batch mean and biased variance over N, H, W in
  /// training (then `running ← (1 − momentum)·running + momentum·stat`, with the unbiased
  /// variance, as PyTorch), or the running statistics in evaluation. γ, β, running stats: [C].
  public static func batchNorm2d(
    _ input: Tensor, gamma: Tensor?, beta: Tensor?, runningMean: inout Tensor, runningVar: inout Tensor,
    training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5
  ) throws -> (output: Tensor, saved: BatchNormSaved) {
    guard input.rank == 4 else { throw TensorError.shapeMismatch("batch_norm2d input must be [N, C, H, W], got \(input.shape)") }
    let (n, c, hw) = (input.shape[0], input.shape[1], input.shape[2] * input.shape[3])
    for (name, t) in [("gamma", gamma), ("beta", beta), ("running mean", runningMean), ("running var", runningVar)] {
      if let t, t.shape != [c] { throw TensorError.shapeMismatch("batch_norm2d \(name) must be [\(c)], got \(t.shape)") }
    }
    let m = n * hw
    if training && m <= 1 {
      throw TensorError.invalidArgument("batch_norm2d in training needs more than one value per channel, input \(input.shape)")
    }
    var mean = [Float](repeating: 0, count: c), invStd = [Float](repeating: 0, count: c)
    input.withUnsafeBufferPointer { x in
      for ch in 0..<c {
        if training {
          var s = 0.0
          for img in 0..<n { for i in 0..<hw { s += Double(x[(img * c + ch) * hw + i]) } }
          let mu = s / Double(m)
          var ss = 0.0
          for img in 0..<n { for i in 0..<hw { let d = Double(x[(img * c + ch) * hw + i]) - mu; ss += d * d } }
          let varB = ss / Double(m)
          mean[ch] = Float(mu)
          invStd[ch] = Float(1 / (varB + Double(epsilon)).squareRoot())
          runningMean.scalars[ch] = (1 - momentum) * runningMean.scalars[ch] + momentum * Float(mu)
          runningVar.scalars[ch] = (1 - momentum) * runningVar.scalars[ch] + momentum * Float(ss / Double(m - 1))
        } else {
          mean[ch] = runningMean.scalars[ch]
          invStd[ch] = 1 / (runningVar.scalars[ch] + epsilon).squareRoot()
        }
      }
    }
    let gs = gamma?.scalars, bs = beta?.scalars
    let out = input.withUnsafeBufferPointer { x in
      Tensor.build(input.shape) { y in
        for img in 0..<n {
          for ch in 0..<c {
            let scale = invStd[ch] * (gs?[ch] ?? 1), shift = (bs?[ch] ?? 0) - mean[ch] * scale
            let base = (img * c + ch) * hw
            for i in 0..<hw { y[base + i] = x[base + i] * scale + shift }
          }
        }
      }
    }
    return (out, BatchNormSaved(mean: mean, invStd: invStd, training: training))
  }

  /// Batch normalisation backward → gradients for input [N, C, H, W], γ [C] and β [C].
  ///
  /// Training: `dx = γ·invStd/m · (m·dy − Σdy − x̂·Σ(dy·x̂))` with x̂ the normalised input;
  /// evaluation: `dx = γ·invStd·dy`. `dγ = Σ dy·x̂`, `dβ = Σ dy` (sums over N, H, W).
  public static func batchNorm2dBackward(
    _ gradOutput: Tensor, input: Tensor, gamma: Tensor?, saved: BatchNormSaved
  ) throws -> (input: Tensor, gamma: Tensor, beta: Tensor) {
    guard gradOutput.shape == input.shape, input.rank == 4, saved.mean.count == input.shape[1] else {
      throw TensorError.shapeMismatch("batch_norm2d backward: gradient \(gradOutput.shape), input \(input.shape)")
    }
    let (n, c, hw) = (input.shape[0], input.shape[1], input.shape[2] * input.shape[3])
    let m = Float(n * hw)
    var dGamma = [Float](repeating: 0, count: c), dBeta = [Float](repeating: 0, count: c)
    var dx = Tensor.zerosUnchecked(input.shape)
    input.withUnsafeBufferPointer { x in
      gradOutput.withUnsafeBufferPointer { dy in
        dx.withUnsafeMutableBufferPointer { d in
          for ch in 0..<c {
            let mu = saved.mean[ch], inv = saved.invStd[ch], gam = gamma?.scalars[ch] ?? 1
            var sdy = 0.0, sdyx = 0.0
            for img in 0..<n {
              let base = (img * c + ch) * hw
              for i in 0..<hw {
                sdy += Double(dy[base + i])
                sdyx += Double(dy[base + i]) * Double((x[base + i] - mu) * inv)
              }
            }
            dBeta[ch] = Float(sdy)
            dGamma[ch] = Float(sdyx)
            let k = gam * inv
            let a = Float(sdy) / m, b = Float(sdyx) / m
            for img in 0..<n {
              let base = (img * c + ch) * hw
              for i in 0..<hw {
                d[base + i] = saved.training ? k * (dy[base + i] - a - (x[base + i] - mu) * inv * b) : k * dy[base + i]
              }
            }
          }
        }
      }
    }
    return (dx, Tensor(uncheckedShape: [c], scalars: dGamma), Tensor(uncheckedShape: [c], scalars: dBeta))
  }
}
