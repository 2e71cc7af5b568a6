import Tensor

/// Elementwise functions and activations.
extension Variable {
  /// eˣ; gradient `dy·eˣ`.
  public func exp() -> Variable {
    let y = value.exp()
    return Variable.op(y, [self]) { g in [try g * y] }
  }

  /// ln x; gradient `dy/x`.
  public func log() -> Variable {
    let x = value
    return Variable.op(x.log(), [self]) { g in [try g / x] }
  }

  /// √x; gradient `dy/(2√x)`.
  public func sqrt() -> Variable {
    let y = value.sqrt()
    return Variable.op(y, [self]) { g in [try g / (y * 2)] }
  }

  /// xᵖ; gradient `dy·p·xᵖ⁻¹`.
  public func pow(_ p: Float) -> Variable {
    let x = value
    return Variable.op(x.pow(p), [self]) { g in [try g * (x.pow(p - 1) * p)] }
  }

  /// x²; gradient `2x·dy`.
  public func squared() -> Variable {
    let x = value
    return Variable.op(x.squared(), [self]) { g in [try g * (x * 2)] }
  }

  /// |x|; gradient `sign(x)·dy`.
  public func abs() -> Variable {
    let x = value
    return Variable.op(x.abs(), [self]) { g in [try g * x.sign()] }
  }

  /// f(x) for an activation; gradient `dy·f′(x)`.
  public func activation(_ f: Activation) -> Variable {
    if f == .identity { return self }
    let x = value
    let y = Kernels.activation(x, f)
    return Variable.op(y, [self]) { g in [try Kernels.activationBackward(g, input: x, output: y, f)]
    }
  }

  public func relu() -> Variable { activation(.relu) }
  public func leakyRelu(slope: Float = 0.01) -> Variable { activation(.leakyRelu(slope: slope)) }
  public func elu(alpha: Float = 1) -> Variable { activation(.elu(alpha: alpha)) }
  public func gelu() -> Variable { activation(.gelu) }
  public func tanh() -> Variable { activation(.tanh) }
  public func sigmoid() -> Variable { activation(.sigmoid) }

  /// Softmax along `axis`.
  public func softmax(axis: Int = -1) throws -> Variable {
    let y = try Kernels.softmax(value, axis: axis)
    return Variable.op(y, [self]) { g in [try Kernels.softmaxBackward(g, output: y, axis: axis)] }
  }

  /// Log-softmax along `axis`.
  public func logSoftmax(axis: Int = -1) throws -> Variable {
    let y = try Kernels.logSoftmax(value, axis: axis)
    return Variable.op(y, [self]) { g in [try Kernels.logSoftmaxBackward(g, output: y, axis: axis)]
    }
  }

  /// Inverted dropout: in training, zeroes each element with probability `p` and scales the rest
  /// by 1/(1 − p); the identity otherwise. The mask comes from `generator` (seeded).
  public func dropout(p: Float, training: Bool, using generator: inout SeededGenerator) throws
    -> Variable
  {
    guard p >= 0, p < 1 else {
      throw TensorError.invalidArgument("dropout probability must be in [0, 1), got \(p)")
    }
    guard training, p > 0 else { return self }
    let mask = try Tensor.bernoulli(shape: shape, p: 1 - p, using: &generator) * (1 / (1 - p))
    return Variable.op(try value * mask, [self]) { g in [try g * mask] }
  }
}
