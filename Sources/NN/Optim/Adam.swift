import Autograd

/// Adam (Kingma & Ba 2015) and, with `decoupled`, AdamW (Loshchilov & Hutter 2019).
///
/// PyTorch's rule at step t: (AdamW: θ ← θ·(1 − lr·λ); Adam: g ← ∇ + λ·θ);
/// m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²;
/// θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
public class Adam: Optimizer {
  public let beta1: Double
  public let beta2: Double
  public let epsilon: Double
  public let weightDecay: Double
  let decoupled: Bool

  /// An unbound Adam optimizer; `weightDecay` is L2 added to the gradient.
  public convenience init(
    learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
    weightDecay: Double = 0
  ) {
    self.init(learningRate, beta1, beta2, epsilon, weightDecay, decoupled: false)
  }

  /// Adam bound to `model`'s parameters.
  public convenience init(
    _ model: any Layer, learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0
  ) {
    self.init(learningRate, beta1, beta2, epsilon, weightDecay, decoupled: false)
    attach(model)
  }

  init(
    _ learningRate: Double, _ beta1: Double, _ beta2: Double, _ epsilon: Double,
    _ weightDecay: Double, decoupled: Bool
  ) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decoupled = decoupled
    super.init(learningRate: learningRate)
  }

  public override var description: String {
    var parts = ["learningRate: \(learningRate)"]
    if beta1 != 0.9 { parts.append("beta1: \(beta1)") }
    if beta2 != 0.999 { parts.append("beta2: \(beta2)") }
    if weightDecay != (decoupled ? 0.01 : 0) { parts.append("weightDecay: \(weightDecay)") }
    return "\(decoupled ? "AdamW" : "Adam")(\(parts.joined(separator: ", ")))"
  }

  public override func freshCopy() -> Optimizer {
    decoupled
      ? AdamW(
        learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
        weightDecay: weightDecay)
      : Adam(
        learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
        weightDecay: weightDecay)
  }

  override var slotCount: Int { 2 }

  override func update(
    _ p: inout UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>, _ s: Slots,
    step: Int, lr: Double
  ) {
    // Scalar coefficients in Double, as PyTorch computes them in Python floats.
    let t = Double(step)
    let correction2Root = Float((1 - pow(beta2, t)).squareRoot())
    let stepSize = Float(lr / (1 - pow(beta1, t)))
    let shrink = Float(1 - lr * weightDecay)
    let (b1, b2, eps, wd) = (Float(1 - beta1), Float(beta2), Float(epsilon), Float(weightDecay))
    let c2 = Float(1 - beta2)
    for i in 0..<p.count {
      if decoupled { p[i] *= shrink }
      var d = g[i]
      if !decoupled, wd != 0 { d += wd * p[i] }
      let m = s[0, i] + b1 * (d - s[0, i])  // PyTorch's lerp
      let v = b2 * s[1, i] + c2 * (d * d)
      s[0, i] = m
      s[1, i] = v
      p[i] -= stepSize * (m / (v.squareRoot() / correction2Root + eps))
    }
  }
}

/// AdamW: Adam with decoupled weight decay θ ← θ·(1 − lr·λ), default λ = 0.01 (as PyTorch).
public final class AdamW: Adam {
  /// An unbound AdamW optimizer.
  public convenience init(
    learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
    weightDecay: Double = 0.01
  ) {
    self.init(learningRate, beta1, beta2, epsilon, weightDecay, decoupled: true)
  }

  /// AdamW bound to `model`'s parameters.
  public convenience init(
    _ model: any Layer, learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0.01
  ) {
    self.init(learningRate, beta1, beta2, epsilon, weightDecay, decoupled: true)
    attach(model)
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
