import Autograd
import Lang
import Tensor

/// Elementwise and row-wise math methods of a tensor, each differentiable.
enum TensorMathMethods {
  // size-budget: a declarative table of methods, one entry each; splitting it scatters the list.
  static func methods(_ t: TensorValue) -> [MethodSpec] {
    func unary(_ name: String, _ doc: String, _ op: @escaping (Variable) throws -> Variable)
      -> MethodSpec
    {
      MethodSpec(name: name, parameters: [], returns: "Tensor", doc: doc) { _ in
        .host(TensorValue(try op(try t.numeric("\(name)()"))))
      }
    }
    func withArguments(
      _ name: String, _ parameters: [Parameter], _ doc: String,
      _ op: @escaping (Variable, Arguments) throws -> Variable
    ) -> MethodSpec {
      MethodSpec(name: name, parameters: parameters, returns: "Tensor", doc: doc) { a in
        .host(TensorValue(try op(try t.numeric("\(name)()"), a)))
      }
    }
    let axis = P.labelled("axis", "Int", default: .int(-1))
    return [
      unary("abs", "Elementwise absolute value.") { $0.abs() },
      unary("exp", "Elementwise e^x.") { $0.exp() },
      unary("log", "Elementwise natural logarithm.") { $0.log() },
      unary("sqrt", "Elementwise square root.") { $0.sqrt() },
      unary("squared", "Elementwise x².") { $0.squared() },
      unary("sin", "Elementwise sine (radians).") { $0.sin() },
      unary("cos", "Elementwise cosine (radians).") { $0.cos() },
      unary("sign", "Elementwise −1, 0 or 1 by the sign of x (gradient 0).") { $0.sign() },
      unary("floor", "Elementwise ⌊x⌋ (gradient 0).") { $0.floor() },
      unary("ceil", "Elementwise ⌈x⌉ (gradient 0).") { $0.ceil() },
      unary(
        "rounded",
        "Elementwise rounding to the nearest whole number, halves away from zero (gradient 0)."
      ) { $0.rounded() },
      unary("relu", "Elementwise max(0, x).") { $0.relu() },
      unary("sigmoid", "Elementwise 1 / (1 + e^-x).") { $0.sigmoid() },
      unary("tanh", "Elementwise tanh(x).") { $0.tanh() },
      unary(
        "gelu", "Elementwise GELU x·Φ(x), Φ the normal CDF (exact, with erf; PyTorch's default)."
      ) { $0.gelu() },
      withArguments(
        "leakyRelu", [P.labelled("slope", "Double", default: .double(0.01))],
        "Elementwise x for x > 0, slope·x otherwise."
      ) { x, a in
        x.leakyRelu(slope: Float(try a.double("slope")))
      },
      withArguments(
        "clamped",
        [
          P.labelled("min", "Double?", default: .null),
          P.labelled("max", "Double?", default: .null),
        ],
        "Elementwise min(max(x, min), max); the gradient is 0 where a bound applies."
      ) { x, a in
        let low = try a.optionalDouble("min").map(Float.init) ?? -.infinity
        let high = try a.optionalDouble("max").map(Float.init) ?? .infinity
        guard low <= high else {
          throw HostError("ValueError", "clamped: min \(low) is above max \(high)")
        }
        return x.clamped(min: low, max: high)
      },
      withArguments(
        "pow", [P.positional("exponent", "Double or Tensor")],
        "Elementwise x^exponent (a number or a tensor that broadcasts)."
      ) { x, a in
        try TensorMath.pow(x, a["exponent"])
      },
      withArguments(
        "softmax", [axis], "e^x / Σ e^x along axis (the last by default): each slice sums to 1."
      ) { x, a in
        try x.softmax(axis: try TensorArguments.axis(a, shape: x.shape))
      },
      withArguments("logSoftmax", [axis], "log(softmax(x)) along axis, computed stably.") { x, a in
        try x.logSoftmax(axis: try TensorArguments.axis(a, shape: x.shape))
      },
      withArguments(
        "matmul", [P.positional("other", "Tensor")],
        "The matrix product self · other, as matmul(self, other)."
      ) { x, a in
        try Autograd.matmul(x, try TensorBuiltins.variable(a, "other"))
      },
    ]
  }
}

/// Shared bodies of the math built-ins and methods.
enum TensorMath {
  /// x^p for a number or tensor exponent.
  static func pow(_ x: Variable, _ exponent: Value) throws -> Variable {
    if let number = exponent.doubleValue { return x.pow(Float(number)) }
    guard let p = try TensorArithmetic.operand(exponent) else {
      throw HostError(
        "TypeError", "pow: the exponent must be a number or a Tensor, got \(exponent.typeName)")
    }
    return try x.pow(p)
  }
}
