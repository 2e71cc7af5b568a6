import Glibc
import Tensor

/// Losses, each the mean over the batch.

/// Cross-entropy from logits [N, C] and class indices (N of them, each in 0..<C):
/// `mean_n(−log softmax(logits_n)[label_n])`. Gradient `(softmax − onehot)/N`.
public func crossEntropy(logits: Variable, labels: [Int]) throws -> Variable {
  try nllLoss(logProbabilities: logits.logSoftmax(axis: 1), labels: labels)
}

/// Negative log-likelihood from log-probabilities [N, C] and class indices: `mean_n(−lp[n, label_n])`.
public func nllLoss(logProbabilities lp: Variable, labels: [Int]) throws -> Variable {
  let shape = lp.shape
  guard shape.count == 2, shape[0] == labels.count, shape[0] > 0 else {
    throw TensorError.shapeMismatch(
      "nll/cross-entropy needs [N, C] scores and N labels, got \(shape) and \(labels.count) labels")
  }
  let (n, c) = (shape[0], shape[1])
  if let bad = labels.first(where: { $0 < 0 || $0 >= c }) {
    throw TensorError.invalidArgument("label \(bad) is out of range for \(c) classes")
  }
  var total: Float = 0
  for (i, l) in labels.enumerated() { total -= lp.value.scalars[i * c + l] }
  return Variable.op(Tensor(total / Float(n)), [lp]) { g in
    let s = try g.item / Float(n)
    var grad = [Float](repeating: 0, count: n * c)
    for (i, l) in labels.enumerated() { grad[i * c + l] = -s }
    return [try Tensor(shape: shape, scalars: grad)]
  }
}

/// Mean squared error `mean((prediction − target)²)`; shapes must match.
public func mseLoss(_ prediction: Variable, target: Tensor) throws -> Variable {
  guard prediction.shape == target.shape else {
    throw TensorError.shapeMismatch(
      "mse loss: prediction \(prediction.shape) and target \(target.shape) differ")
  }
  return try (prediction - Variable(target)).squared().mean()
}

/// Binary cross-entropy from logits z and targets t in [0, 1], stable form:
/// `mean(max(z, 0) − z·t + log(1 + e^−|z|))`; gradient `(σ(z) − t)/count`.
public func binaryCrossEntropyWithLogits(_ logits: Variable, target: Tensor) throws -> Variable {
  guard logits.shape == target.shape else {
    throw TensorError.shapeMismatch(
      "binary cross-entropy: logits \(logits.shape) and target \(target.shape) differ")
  }
  let z = logits.value
  let n = Float(max(z.count, 1))
  var total: Float = 0
  for i in 0..<z.count {
    let v = z.scalars[i]
    total += max(v, 0) - v * target.scalars[i] + log1pf(expf(-Swift.abs(v)))
  }
  return Variable.op(Tensor(total / n), [logits]) { g in
    let s = try g.item / n
    return [try (z.sigmoid() - target) * s]
  }
}
