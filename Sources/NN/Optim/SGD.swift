import Autograd

/// Stochastic gradient descent with momentum, Nesterov momentum and L2 weight decay.
///
/// PyTorch's rule: g ← ∇ + λ·θ; with momentum μ: b ← g on the first step, else
/// b ← μ·b + (1 − dampening)·g; then g ← g + μ·b (Nesterov) or g ← b; finally θ ← θ − lr·g.
public final class SGD: Optimizer {
  public let momentum: Double
  public let dampening: Double
  public let nesterov: Bool
  public let weightDecay: Double

  /// An unbound SGD optimizer (bind it with `attach` or pass it to `fit`).
  public init(
    learningRate: Double = 0.01, momentum: Double = 0, dampening: Double = 0,
    nesterov: Bool = false, weightDecay: Double = 0
  ) {
    self.momentum = momentum
    self.dampening = dampening
    self.nesterov = nesterov
    self.weightDecay = weightDecay
    super.init(learningRate: learningRate)
  }

  /// SGD bound to `model`'s parameters.
  public convenience init(
    _ model: any Layer, learningRate: Double = 0.01, momentum: Double = 0, dampening: Double = 0,
    nesterov: Bool = false, weightDecay: Double = 0
  ) {
    self.init(
      learningRate: learningRate, momentum: momentum, dampening: dampening, nesterov: nesterov,
      weightDecay: weightDecay)
    attach(model)
  }

  public override var description: String {
    var parts = ["learningRate: \(learningRate)"]
    if momentum != 0 { parts.append("momentum: \(momentum)") }
    if dampening != 0 { parts.append("dampening: \(dampening)") }
    if nesterov { parts.append("nesterov: true") }
    if weightDecay != 0 { parts.append("weightDecay: \(weightDecay)") }
    return "SGD(\(parts.joined(separator: ", ")))"
  }

  public override func freshCopy() -> Optimizer {
    SGD(
      learningRate: learningRate, momentum: momentum, dampening: dampening, nesterov: nesterov,
      weightDecay: weightDecay)
  }

  override var slotCount: Int { momentum == 0 ? 0 : 1 }

  override func update(
    _ p: inout UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>, _ s: Slots,
    step: Int, lr: Double
  ) {
    let first = step == 1
    let (lr, mu, keep, wd) = (Float(lr), Float(momentum), Float(1 - dampening), Float(weightDecay))
    for i in 0..<p.count {
      var d = g[i]
      if wd != 0 { d += wd * p[i] }
      if mu != 0 {
        let b = first ? d : mu * s[0, i] + keep * d
        s[0, i] = b
        d = nesterov ? d + mu * b : b
      }
      p[i] -= lr * d
    }
  }
}
