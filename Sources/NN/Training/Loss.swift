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

  /// The scalar loss of scored rows against their targets.
  func callAsFunction(_ scored: Scored) throws -> Variable {
    switch self {
    case .crossEntropy:
      return try Autograd.crossEntropy(logits: scored.rows, labels: scored.targets)
    case .meanSquaredError:
      let k = scored.rows.value.shape[1]
      var oneHot = [Float](repeating: 0, count: scored.targets.count * k)
      for (i, t) in scored.targets.enumerated() where t < k { oneHot[i * k + t] = 1 }
      return try mseLoss(
        scored.rows, target: Tensor(shape: [scored.targets.count, k], scalars: oneHot))
    }
  }
}

/// A model's output as rows of class scores [M, K], with the M targets they are judged against.
struct Scored {
  let rows: Variable
  let targets: [Int]

  /// Classification: logits [N, K] with N labels. Segmentation: logits [N, K, H', W'] become
  /// [N·H'·W', K]; when the output is smaller than the masks [N, H, W] (U-Net's valid
  /// convolutions), the masks are centre-cropped to H'×W', as in Ronneberger et al. 2015.
  init(_ logits: Variable, batch: Batch) throws {
    let shape = logits.value.shape
    let labels = batch.labels.shape
    if shape.count == 2, labels.count == 1, shape[0] == labels[0] {
      rows = logits
      targets = batch.targets
    } else if shape.count == 4, labels.count == 3, shape[0] == labels[0], shape[2] <= labels[1],
      shape[3] <= labels[2],
      (labels[1] - shape[2]) % 2 == 0, (labels[2] - shape[3]) % 2 == 0
    {
      rows = try Self.channelsLastRows(logits)
      targets = Self.centreCrop(
        batch.targets, n: labels[0], h: labels[1], w: labels[2], toH: shape[2], toW: shape[3])
    } else {
      throw TrainingError.outputMismatch(
        "the model's output \(shape) does not fit the targets \(labels): classification needs [N, classes] for labels [N], segmentation [N, classes, H, W] for masks [N, H, W]"
      )
    }
    guard let k = rows.value.shape.last, targets.allSatisfy({ $0 < k }) else {
      throw TrainingError.outputMismatch(
        "the model outputs \(rows.value.shape.last ?? 0) classes but a target is \(targets.max() ?? 0)"
      )
    }
  }

  /// [N, K, H, W] → [N·H·W, K]: one row of class scores per pixel.
  static func channelsLastRows(_ logits: Variable) throws -> Variable {
    let s = logits.shape
    return try logits.permuted([0, 2, 3, 1]).reshaped([s[0] * s[2] * s[3], s[1]])
  }

  /// The central toH×toW window of each h×w mask.
  static func centreCrop(_ masks: [Int], n: Int, h: Int, w: Int, toH: Int, toW: Int) -> [Int] {
    guard toH != h || toW != w else { return masks }
    let (dy, dx) = ((h - toH) / 2, (w - toW) / 2)
    var out: [Int] = []
    out.reserveCapacity(n * toH * toW)
    for i in 0..<n {
      for y in 0..<toH {
        let start: Int = (i * h + y + dy) * w + dx
        out.append(contentsOf: masks[start..<(start + toW)])
      }
    }
    return out
  }

  /// The predicted class of each row.
  var predicted: [Int] { argmaxRows(rows.value, classes: rows.value.shape[1]) }
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
