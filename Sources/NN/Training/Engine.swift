import Autograd
import Tensor

/// The few engine calls training makes, in one place.
enum Engine {
  /// A constant input variable (no gradient) for a batch of images.
  static func input(_ images: Tensor) -> Variable { Variable(images) }

  /// The value of a one-element variable.
  static func scalar(_ v: Variable) -> Float { v.value.scalars.first ?? .nan }

  /// Back-propagates from a scalar loss.
  static func backward(_ loss: Variable) throws { try loss.backward() }

  /// Runs `body` without recording a graph.
  static func withoutGradients<T>(_ body: () throws -> T) throws -> T { try GradMode.withoutGradients(body) }

  /// Softmax cross-entropy of logits [M, K] against M class indices, mean over rows.
  static func crossEntropy(_ rows: Variable, labels: [Int]) throws -> Variable {
    try Autograd.crossEntropy(logits: rows, labels: labels)
  }

  /// Mean squared error against a target of the same shape.
  static func meanSquaredError(_ rows: Variable, target: Tensor) throws -> Variable {
    try mseLoss(rows, target: target)
  }

  /// [N, K, H, W] → [N·H·W, K]: one row of class scores per pixel.
  static func channelsLastRows(_ logits: Variable) throws -> Variable {
    let s = logits.shape
    return try logits.permuted([0, 2, 3, 1]).reshaped([s[0] * s[2] * s[3], s[1]])
  }
}
