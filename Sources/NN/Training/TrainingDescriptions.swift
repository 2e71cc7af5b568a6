import TextFormat

/// Plain-text forms: values only (no timings), so re-running a notebook prints the same text.

extension Dataset: CustomStringConvertible {
  /// e.g. "Fashion-MNIST (train): 60000 images [1, 32, 32], 10 classes".
  public var description: String {
    let kind =
      isSegmentation ? "images \(sampleShape) with masks \(targetShape)" : "images \(sampleShape)"
    return "\(name): \(count) \(kind), \(classCount) classes"
  }
}

extension FashionMNIST: CustomStringConvertible {
  public var description: String { "FashionMNIST\n  train: \(train)\n  test: \(test)" }
}

extension MNIST: CustomStringConvertible {
  public var description: String { "MNIST\n  train: \(train)\n  test: \(test)" }
}

extension SyntheticShapes: CustomStringConvertible {
  public var description: String { dataset.description }
}

extension DataSplit: CustomStringConvertible {
  public var description: String { "train: \(train)\ntest: \(test)" }
}

extension Batch: CustomStringConvertible {
  public var description: String { "Batch(images: \(images.shape), labels: \(labels.shape))" }
}

extension History: CustomStringConvertible {
  /// e.g. "History: 5 epochs (completed), loss 0.2835, accuracy 0.8998, validation accuracy 0.8774".
  public var description: String {
    guard let last = epochs.last else { return "History: no epoch finished (\(stopReason))" }
    var parts = ["loss \(fixed(last.loss))", "accuracy \(fixed(last.accuracy))"]
    if let v = last.validationLoss { parts.append("validation loss \(fixed(v))") }
    if let v = last.validationAccuracy { parts.append("validation accuracy \(fixed(v))") }
    if let v = last.validationIoU ?? last.iou { parts.append("IoU \(fixed(v))") }
    return "History: \(epochs.count) of \(plannedEpochs) epochs (\(stopReason)), "
      + parts.joined(separator: ", ")
  }
}

extension Evaluation: CustomStringConvertible {
  /// e.g. "Evaluation on 10000 samples: accuracy 0.8774, loss 0.3412".
  public var description: String {
    var text = "Evaluation on \(count) samples: accuracy \(fixed(accuracy)), loss \(fixed(loss))"
    if let iou { text += ", IoU \(fixed(iou))" }
    return text
  }
}

extension GradientNorms: CustomStringConvertible {
  /// One line per layer: its name and ‖∇‖₂ in scientific notation.
  public var description: String {
    let width = layers.map(\.layer.count).max() ?? 0
    return layers.map { e in
      e.layer + String(repeating: " ", count: width - e.layer.count + 2) + scientific(e.norm)
    }.joined(separator: "\n")
  }
}

/// Four decimals, at least one, e.g. 0.8774, 1.0.
func fixed(_ x: Double) -> String {
  NumberFormat.fixed(x, maxFractionDigits: 4, minFractionDigits: 1)
}

/// Three significant digits with an exponent, e.g. 1.23e-05.
func scientific(_ x: Double) -> String {
  guard x.isFinite, x != 0 else { return "\(x)" }
  let exponent = Int((log10(Swift.abs(x))).rounded(.down))
  let mantissa = x / pow(10, Double(exponent))
  let m = (mantissa * 100).rounded() / 100
  return
    "\(m)e\(exponent < 0 ? "-" : "+")\(Swift.abs(exponent) < 10 ? "0" : "")\(Swift.abs(exponent))"
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
