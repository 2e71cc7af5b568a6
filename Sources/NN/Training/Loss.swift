import Autograd
import Tensor

/// The loss `fit` and `evaluate` minimise, chosen by name: `loss: .crossEntropy`.
public enum Loss: Sendable, Equatable, CustomStringConvertible {
  /// Softmax cross-entropy, mean over samples: logits [N, K] with labels [N], or per pixel for
  /// segmentation: logits [N, K, H, W] with masks [N, H, W] (mean over all pixels).
  case crossEntropy
  /// Mean squared error against one-hot targets: (1/(N·K)) Σ (y − onehot)².
  case meanSquaredError

  public var description: String { self == .crossEntropy ? "crossEntropy" : "meanSquaredError" }

  /// The scalar loss of `logits` against the batch's targets.
  func callAsFunction(_ logits: Variable, _ batch: Batch) throws -> Variable {
    let classes = try Self.classAxisLast(logits, batch: batch)
    switch self {
    case .crossEntropy:
      return try Engine.crossEntropy(classes, labels: batch.targets)
    case .meanSquaredError:
      let k = classes.value.shape[1]
      var oneHot = [Float](repeating: 0, count: batch.targets.count * k)
      for (i, t) in batch.targets.enumerated() where t < k { oneHot[i * k + t] = 1 }
      return try Engine.meanSquaredError(classes, target: Tensor(shape: [batch.targets.count, k], scalars: oneHot))
    }
  }

  /// Logits as [M, K] with one row per target: [N, K] as is; [N, K, H, W] → [N·H·W, K].
  static func classAxisLast(_ logits: Variable, batch: Batch) throws -> Variable {
    let shape = logits.value.shape
    if shape.count == 2, shape[0] == batch.targets.count { return logits }
    if shape.count == 4, shape[0] * shape[2] * shape[3] == batch.targets.count {
      return try Engine.channelsLastRows(logits)
    }
    throw TrainingError.outputMismatch(
      "the model's output \(shape) does not fit targets \(batch.labels.shape): classification needs [N, classes], segmentation [N, classes, H, W]")
  }
}

/// What `fit` and `evaluate` report about predictions.
public enum Metric: Sendable, Equatable {
  /// The mean loss (always recorded).
  case loss
  /// The fraction of samples (classification) or pixels (segmentation) classified correctly.
  case accuracy
  /// Foreground intersection over union (segmentation), from the confusion matrix.
  case iou
}

/// Why training or evaluation could not run.
public enum TrainingError: Error, CustomStringConvertible, Equatable, Sendable {
  case invalidArgument(String)
  case outputMismatch(String)

  public var description: String {
    switch self {
    case .invalidArgument(let m), .outputMismatch(let m): return m
    }
  }
}

/// Predicted classes from logits laid out [M, K] (row-major): the argmax of each row
/// (the first one on ties).
func argmaxRows(_ logits: Tensor, classes k: Int) -> [Int] {
  let rows = k == 0 ? 0 : logits.count / k
  return logits.withUnsafeBufferPointer { v in
    (0..<rows).map { r in
      var best = 0
      for c in 1..<max(k, 1) where v[r * k + c] > v[r * k + best] { best = c }
      return best
    }
  }
}
