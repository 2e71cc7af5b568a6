import Foundation
import Tensor

/// Elementwise functions beyond the activations: trigonometry, rounding, clamping, selection.
extension Variable {
  /// sin x; the gradient is cos x.
  public func sin() -> Variable {
    let x = value
    return Variable.op(x.map { Foundation.sin($0) }, [self]) { g in
      [try g * x.map { Foundation.cos($0) }]
    }
  }

  /// cos x; the gradient is −sin x.
  public func cos() -> Variable {
    let x = value
    return Variable.op(x.map { Foundation.cos($0) }, [self]) { g in
      [try g * x.map { -Foundation.sin($0) }]
    }
  }

  /// −1, 0 or 1 by the sign of x; the gradient is 0 (almost everywhere).
  public func sign() -> Variable { piecewiseConstant(value.sign()) }
  /// ⌊x⌋; the gradient is 0 (almost everywhere).
  public func floor() -> Variable { piecewiseConstant(value.map { $0.rounded(.down) }) }
  /// ⌈x⌉; the gradient is 0 (almost everywhere).
  public func ceil() -> Variable { piecewiseConstant(value.map { $0.rounded(.up) }) }
  /// x rounded to the nearest integer, halves away from zero (Swift's `rounded()`); gradient 0.
  public func rounded() -> Variable { piecewiseConstant(value.map { $0.rounded() }) }

  private func piecewiseConstant(_ out: Tensor) -> Variable {
    let shape = self.shape
    return Variable.op(out, [self]) { _ in [try Tensor(zeros: shape)] }
  }

  /// min(max(x, low), high); the gradient passes where low ≤ x ≤ high and is 0 elsewhere.
  public func clamped(min low: Float = -.infinity, max high: Float = .infinity) -> Variable {
    let x = value
    let inside = x.map { $0 >= low && $0 <= high ? 1 : 0 }
    return Variable.op(x.clamped(min: low, max: high), [self]) { g in [try g * inside] }
  }

  /// x^p elementwise for a tensor exponent (broadcasting): ∂/∂x = p·x^(p−1), ∂/∂p = x^p·ln x.
  public func pow(_ p: Variable) throws -> Variable {
    let (x, e) = (value, p.value)
    let out = try x.pow(e)
    return Variable.op(out, [self, p]) { g in
      [
        self.requiresGrad ? try Gradient.reduce(g * e * (try x.pow(e - 1)), to: x.shape) : nil,
        p.requiresGrad ? try Gradient.reduce(g * out * x.log(), to: e.shape) : nil,
      ]
    }
  }
}

/// `a` where `condition` is non-zero and `b` elsewhere, all three broadcast together; the
/// gradient goes to `a` where the condition holds and to `b` elsewhere.
public func select(_ condition: Tensor, _ a: Variable, _ b: Variable) throws -> Variable {
  let out = try Tensor.where(condition, a.value, b.value)
  let c = try condition.broadcasted(to: out.shape).map { $0 != 0 ? 1 : 0 }
  let (sa, sb) = (a.shape, b.shape)
  return Variable.op(out, [a, b]) { g in
    [try Gradient.reduce(g * c, to: sa), try Gradient.reduce(g * (1 - c), to: sb)]
  }
}
