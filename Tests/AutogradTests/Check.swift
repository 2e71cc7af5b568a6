import Autograd
import Tensor
import TestSupport

/// Gradient check of `f` at `inputs`: the scalar is Σ w·f(inputs) with fixed pseudo-random
/// weights w, so every output element's gradient is exercised.
func checkGradients(
  _ inputs: [Tensor], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
  _ f: ([Variable]) throws -> Variable
) throws -> GradCheckReport {
  let shapes = inputs.map(\.shape)
  let probe = try f(inputs.map { Variable($0, requiresGrad: true) })
  var rng = SeededGenerator(seed: 99)
  let weights = try Tensor.randomUniform(shape: probe.shape, low: -1, high: 1, using: &rng)
  func variables(_ values: [[Float]]) throws -> [Variable] {
    try zip(shapes, values).map { Variable(try Tensor(shape: $0, scalars: $1), requiresGrad: true) }
  }
  return try gradCheck(
    inputs: inputs.map(\.scalars), eps: eps, rtol: rtol, atol: atol,
    value: { values in
      let out = try GradMode.withoutGradients { try f(variables(values)) }.value
      return zip(out.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    },
    gradient: { values in
      let vars = try variables(values)
      try f(vars).backward(gradient: weights)
      return vars.map { $0.grad?.scalars ?? [Float](repeating: 0, count: $0.value.count) }
    })
}

/// A tensor of `shape` with values uniform in [low, high), from `seed`.
func random(_ shape: [Int], seed: UInt64 = 1, low: Float = -1, high: Float = 1) throws -> Tensor {
  var rng = SeededGenerator(seed: seed)
  return try Tensor.randomUniform(shape: shape, low: low, high: high, using: &rng)
}
