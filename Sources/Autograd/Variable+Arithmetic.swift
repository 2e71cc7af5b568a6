import Tensor

/// Broadcasting arithmetic on variables; gradients are summed back to each operand's shape.
extension Variable {
  public static func + (a: Variable, b: Variable) throws -> Variable {
    let (sa, sb) = (a.shape, b.shape)
    return op(try a.value + b.value, [a, b]) { g in
      [try Gradient.reduce(g, to: sa), try Gradient.reduce(g, to: sb)]
    }
  }

  /// `relu(a + b)` for same-shaped variables in one pass (a residual block's sum and ReLU).
  public static func addRelu(_ a: Variable, _ b: Variable) throws -> Variable {
    let y = try Kernels.addRelu(a.value, b.value)
    return op(y, [a, b]) { g in
      let d = try Kernels.activationBackward(g, input: y, output: y, .relu)
      return [d, d]
    }
  }

  public static func - (a: Variable, b: Variable) throws -> Variable {
    let (sa, sb) = (a.shape, b.shape)
    return op(try a.value - b.value, [a, b]) { g in
      [try Gradient.reduce(g, to: sa), try Gradient.reduce(-g, to: sb)]
    }
  }

  public static func * (a: Variable, b: Variable) throws -> Variable {
    let (x, y) = (a.value, b.value)
    return op(try x * y, [a, b]) { g in
      [
        a.requiresGrad ? try Gradient.reduce(g * y, to: x.shape) : nil,
        b.requiresGrad ? try Gradient.reduce(g * x, to: y.shape) : nil,
      ]
    }
  }

  public static func / (a: Variable, b: Variable) throws -> Variable {
    let (x, y) = (a.value, b.value)
    return op(try x / y, [a, b]) { g in
      [
        a.requiresGrad ? try Gradient.reduce(g / y, to: x.shape) : nil,
        b.requiresGrad ? try Gradient.reduce(-(g * x) / (y * y), to: y.shape) : nil,
      ]
    }
  }

  public static func + (a: Variable, s: Float) -> Variable { op(a.value + s, [a]) { [$0] } }
  public static func - (a: Variable, s: Float) -> Variable { op(a.value - s, [a]) { [$0] } }
  public static func * (a: Variable, s: Float) -> Variable { op(a.value * s, [a]) { [$0 * s] } }
  public static func / (a: Variable, s: Float) -> Variable { op(a.value / s, [a]) { [$0 / s] } }
  public static func + (s: Float, a: Variable) -> Variable { a + s }
  public static func - (s: Float, a: Variable) -> Variable { op(s - a.value, [a]) { [-$0] } }
  public static func * (s: Float, a: Variable) -> Variable { a * s }
  public static func / (s: Float, a: Variable) -> Variable {
    let x = a.value
    return op(s / x, [a]) { g in [try -(g * s) / (x * x)] }
  }

  public static prefix func - (a: Variable) -> Variable { op(-a.value, [a]) { [-$0] } }

  /// Broadcasting arithmetic with a constant tensor.
  public static func + (a: Variable, t: Tensor) throws -> Variable { try a + Variable(t) }
  public static func - (a: Variable, t: Tensor) throws -> Variable { try a - Variable(t) }
  public static func * (a: Variable, t: Tensor) throws -> Variable { try a * Variable(t) }
  public static func / (a: Variable, t: Tensor) throws -> Variable { try a / Variable(t) }
}

/// Matrix product of variables (see `Tensor.matmul` for shapes): dA = dC·Bᵀ, dB = Aᵀ·dC.
public func matmul(_ a: Variable, _ b: Variable) throws -> Variable {
  if a.value.rank == 1 { return try matmul(a.reshaped([1, a.value.count]), b).squeezingAxis(-2) }
  if b.value.rank == 1 { return try matmul(a, b.reshaped([b.value.count, 1])).squeezingAxis(-1) }
  let (x, y) = (a.value, b.value)
  return Variable.op(try Tensor.matmul(x, y), [a, b]) { g in
    [
      a.requiresGrad
        ? try Gradient.reduce(Tensor.matmul(g, y, transposeB: true), to: x.shape) : nil,
      b.requiresGrad
        ? try Gradient.reduce(Tensor.matmul(x, g, transposeA: true), to: y.shape) : nil,
    ]
  }
}

/// A fully connected layer in one op: `x·Wᵀ + b` with x [N, in], W [out, in], b [out] → [N, out].
public func linear(_ x: Variable, weight: Variable, bias: Variable?) throws -> Variable {
  let (xv, wv) = (x.value, weight.value)
  guard xv.rank == 2, wv.rank == 2, xv.shape[1] == wv.shape[1] else {
    throw TensorError.shapeMismatch(
      "linear: input \(xv.shape) and weight \(wv.shape) (expected [N, in] and [out, in])")
  }
  var y = try Tensor.matmul(xv, wv, transposeB: true)
  if let bias {
    guard bias.shape == [wv.shape[0]] else {
      throw TensorError.shapeMismatch("linear bias must be [\(wv.shape[0])], got \(bias.shape)")
    }
    y = try y + bias.value
  }
  let parents = bias.map { [x, weight, $0] } ?? [x, weight]
  return Variable.op(y, parents) { g in
    var grads: [Tensor?] = [
      x.requiresGrad ? try Tensor.matmul(g, wv) : nil,
      weight.requiresGrad ? try Tensor.matmul(g, xv, transposeA: true) : nil,
    ]
    if let bias { grads.append(bias.requiresGrad ? try g.sum(axes: [0]) : nil) }
    return grads
  }
}
