import Tensor

/// Batch normalisation of an NCHW variable, per channel (see `Kernels.batchNorm2d`).
///
/// In training the batch statistics normalise and `runningMean`/`runningVar` ([C]) are updated
/// with `momentum`; in evaluation they normalise. γ (`gamma`) and β (`beta`) are [C] or nil.
/// `relu` fuses a following ReLU: the same values and gradients as `.relu()` on the result,
/// with one pass less each way.
public func batchNorm2d(
  _ x: Variable, gamma: Variable?, beta: Variable?, runningMean: inout Tensor,
  runningVar: inout Tensor,
  training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5, relu: Bool = false
) throws -> Variable {
  let xv = x.value, gv = gamma?.value
  let (y, saved) = try Kernels.batchNorm2d(
    xv, gamma: gv, beta: beta?.value, runningMean: &runningMean, runningVar: &runningVar,
    training: training, momentum: momentum, epsilon: epsilon, relu: relu)
  var parents = [x]
  if let gamma { parents.append(gamma) }
  if let beta { parents.append(beta) }
  let hasGamma = gamma != nil, hasBeta = beta != nil
  return Variable.op(y, parents) { g in
    let r = try Kernels.batchNorm2dBackward(g, input: xv, gamma: gv, saved: saved)
    var grads: [Tensor?] = [r.input]
    if hasGamma { grads.append(r.gamma) }
    if hasBeta { grads.append(r.beta) }
    return grads
  }
}
