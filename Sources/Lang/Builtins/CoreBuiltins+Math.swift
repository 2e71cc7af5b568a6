import Foundation

/// Maths: `min`, `max`, `abs`, `sqrt`, `pow`, `exp`, `log`, trigonometry, rounding.
extension CoreBuiltins {
  static var math: [NativeFunction] {
    [
      extremum("min", doc: "The smallest of the arguments (or of one array).", pick: <),
      extremum("max", doc: "The largest of the arguments (or of one array).", pick: >),
      NativeFunction(
        name: "abs", parameters: [Parameter(name: "x", type: "Double")], returns: "Double",
        doc: "The absolute value |x| (an Int stays an Int).", example: "abs(-3)   // 3"
      ) { arguments in
        if case .int(let number) = arguments["x"] {
          guard number != Int.min else { throw fail(.arithmeticOverflow("abs")) }
          return .int(Swift.abs(number))
        }
        return .double(Swift.abs(try arguments.double("x")))
      },
      NativeFunction(
        name: "pow",
        parameters: [Parameter(name: "x", type: "Double"), Parameter(name: "y", type: "Double")],
        returns: "Double", doc: "x raised to the power y, as a Double.",
        example: "pow(2, 10)   // 1024.0"
      ) { arguments in
        .double(Foundation.pow(try arguments.double("x"), try arguments.double("y")))
      },
      unary("sqrt", "The square root √x.", "sqrt(16)   // 4.0", Foundation.sqrt),
      unary("exp", "e raised to the power x.", "exp(1)   // 2.718281828459045", Foundation.exp),
      unary("log", "The natural logarithm ln x.", "log(exp(2))   // 2.0", Foundation.log),
      unary("log2", "The base-2 logarithm.", "log2(1024)   // 10.0", Foundation.log2),
      unary("log10", "The base-10 logarithm.", "log10(1000)   // 3.0", Foundation.log10),
      unary("sin", "The sine of x (radians).", "sin(0)   // 0.0", Foundation.sin),
      unary("cos", "The cosine of x (radians).", "cos(0)   // 1.0", Foundation.cos),
      unary("tan", "The tangent of x (radians).", "tan(0)   // 0.0", Foundation.tan),
      unary("asin", "The arc sine (radians).", "asin(1)   // 1.5707963267948966", Foundation.asin),
      unary("acos", "The arc cosine (radians).", "acos(1)   // 0.0", Foundation.acos),
      unary(
        "atan", "The arc tangent (radians).", "atan(1)   // 0.7853981633974483", Foundation.atan),
      NativeFunction(
        name: "atan2",
        parameters: [Parameter(name: "y", type: "Double"), Parameter(name: "x", type: "Double")],
        returns: "Double", doc: "The angle of the point (x, y) in radians, in −π...π.",
        example: "atan2(1, 1)   // 0.7853981633974483"
      ) { arguments in
        .double(Foundation.atan2(try arguments.double("y"), try arguments.double("x")))
      },
      unary("sinh", "The hyperbolic sine.", "sinh(0)   // 0.0", Foundation.sinh),
      unary("cosh", "The hyperbolic cosine.", "cosh(0)   // 1.0", Foundation.cosh),
      unary(
        "tanh", "The hyperbolic tangent (e^x − e^−x)/(e^x + e^−x).", "tanh(0)   // 0.0",
        Foundation.tanh),
      unary("floor", "The largest whole number ≤ x.", "floor(2.7)   // 2.0", Foundation.floor),
      unary("ceil", "The smallest whole number ≥ x.", "ceil(2.1)   // 3.0", Foundation.ceil),
      unary(
        "round", "x rounded to the nearest whole number (halves away from zero).",
        "round(2.5)   // 3.0",
        Foundation.round),
    ]
  }

  private static func unary(
    _ name: String, _ doc: String, _ example: String,
    _ function: @escaping @Sendable (Double) -> Double
  ) -> NativeFunction {
    NativeFunction(
      name: name, parameters: [Parameter(name: "x", type: "Double")], returns: "Double", doc: doc,
      example: example
    ) { arguments in
      .double(function(try arguments.double("x")))
    }
  }

  private static func extremum(
    _ name: String, doc: String, pick: @escaping @Sendable (Double, Double) -> Bool
  ) -> NativeFunction {
    NativeFunction(
      name: name, parameters: [Parameter(name: "values", type: "Double", variadic: true)],
      returns: "Double", doc: doc, example: "\(name)(3, 7, 5)"
    ) { arguments in
      var values = try arguments.array("values")
      if values.count == 1, let elements = values[0].arrayValue { values = elements }
      guard var best = values.first else { throw fail(.argumentCount(name, expected: 2, got: 0)) }
      for value in values.dropFirst() {
        guard let candidate = value.doubleValue, let current = best.doubleValue else {
          throw fail(.wrongType(name, expected: "numbers", got: value.typeName))
        }
        if pick(candidate, current) { best = value }
      }
      guard best.doubleValue != nil else {
        throw fail(.wrongType(name, expected: "numbers", got: best.typeName))
      }
      return best
    }
  }
}
