import Autograd

/// RMSprop (Hinton's lecture 6e), optionally centred and with momentum.
///
/// PyTorch's rule: g ← ∇ + λ·θ; v ← α·v + (1 − α)·g²; centred: a ← α·a + (1 − α)·g and
/// s = √(v − a²) + ε, else s = √v + ε; with momentum μ: b ← μ·b + g/s, θ ← θ − lr·b;
/// without: θ ← θ − lr·g/s.
public final class RMSprop: Optimizer {
  public let alpha: Double
  public let epsilon: Double
  public let momentum: Double
  public let centered: Bool
  public let weightDecay: Double

  /// An unbound RMSprop optimizer.
  public init(
    learningRate: Double = 0.01, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
    centered: Bool = false, weightDecay: Double = 0
  ) {
    self.alpha = alpha
    self.epsilon = epsilon
    self.momentum = momentum
    self.centered = centered
    self.weightDecay = weightDecay
    super.init(learningRate: learningRate)
  }

  /// RMSprop bound to `model`'s parameters.
  public convenience init(
    _ model: any Layer, learningRate: Double = 0.01, alpha: Double = 0.99, epsilon: Double = 1e-8,
    momentum: Double = 0, centered: Bool = false, weightDecay: Double = 0
  ) {
    self.init(
      learningRate: learningRate, alpha: alpha, epsilon: epsilon, momentum: momentum,
      centered: centered, weightDecay: weightDecay)
    attach(model)
  }

  public override var description: String {
    var parts = ["learningRate: \(learningRate)"]
    if alpha != 0.99 { parts.append("alpha: \(alpha)") }
    if momentum != 0 { parts.append("momentum: \(momentum)") }
    if centered { parts.append("centered: true") }
    if weightDecay != 0 { parts.append("weightDecay: \(weightDecay)") }
    return "RMSprop(\(parts.joined(separator: ", ")))"
  }

  public override func freshCopy() -> Optimizer {
    RMSprop(
      learningRate: learningRate, alpha: alpha, epsilon: epsilon, momentum: momentum,
      centered: centered, weightDecay: weightDecay)
  }

  /// Slot 0: v (square average); 1: momentum buffer; 2: a (gradient average, centred only).
  override var slotCount: Int { 3 }

  override func update(
    _ p: inout UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>, _ s: Slots,
    step: Int, lr: Double
  ) {
    let (lr, a, c, eps) = (Float(lr), Float(alpha), Float(1 - alpha), Float(epsilon))
    let (mu, wd) = (Float(momentum), Float(weightDecay))
    for i in 0..<p.count {
      var d = g[i]
      if wd != 0 { d += wd * p[i] }
      let v = a * s[0, i] + c * (d * d)
      s[0, i] = v
      let scale: Float
      if centered {
        let mean = s[2, i] + c * (d - s[2, i])  // PyTorch's lerp
        s[2, i] = mean
        scale = (v - mean * mean).squareRoot() + eps
      } else {
        scale = v.squareRoot() + eps
      }
      if mu > 0 {
        let b = mu * s[1, i] + d / scale
        s[1, i] = b
        p[i] -= lr * b
      } else {
        p[i] -= lr * (d / scale)
      }
    }
  }
}
