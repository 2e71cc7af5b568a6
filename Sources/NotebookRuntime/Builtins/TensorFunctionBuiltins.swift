import Autograd
import Lang
import Tensor

/// Free tensor functions: `concatenate`, `stack`, `Tensor.where`, `pow`, the elementwise math that also
/// works on numbers (`sin`, `cos`, `floor`, `ceil`, `round`), activations, and `Double(t)`.
enum TensorFunctionBuiltins {
  static func register(_ r: Registrar) {
    registerJoins(r)
    registerMath(r)
    for name in ["Double", "Float", "Int"] { convertsTensors(r, name) }
  }

  /// `Tensor.where(condition, a, b)` (a static: `where` alone is a Swift keyword).
  static var whereFunction: Value {
    .native(
      NativeFunction(
        name: "where",
        parameters: [
          P.positional("condition", "Tensor"), P.positional("a", "Tensor or Double"),
          P.positional("b", "Tensor or Double"),
        ], returns: "Tensor",
        doc:
          "a where condition is true (non-zero), b elsewhere; the three broadcast together. Differentiable in a and b.",
        example: "Tensor.where(Tensor([-1, 2]) .> 0, 1, -1)", isType: false
      ) { a in
        try EngineErrors.run {
          guard let condition = a["condition"].host(as: TensorValue.self) else {
            throw HostError(
              "TypeError",
              "where: the condition must be a Tensor (e.g. x .> 0), got \(a["condition"].typeName)")
          }
          return .host(
            TensorValue(
              try Autograd.select(condition.tensor, try operand(a, "a"), try operand(a, "b"))))
        }
      })
  }

  private static func registerJoins(_ r: Registrar) {
    for (name, isStack) in [("concatenate", false), ("stack", true)] {
      let what =
        isStack ? "along a new axis (equal shapes)" : "along an existing axis (other axes equal)"
      r.add(
        name, [P.positional("tensors", "[Tensor]"), P.labelled("axis", "Int", default: .int(0))],
        returns: "Tensor",
        doc: "The tensors joined \(what).",
        example: "\(name)([Tensor([1, 2]), Tensor([3, 4])], axis: 0)", isType: false
      ) { a in
        let parts = try a.array("tensors").map { value -> Variable in
          guard let tensor = value.host(as: TensorValue.self) else {
            return Variable(try TensorLiteral.tensor(from: value))
          }
          return try tensor.numeric(name)
        }
        guard let first = parts.first else {
          throw HostError("ValueError", "\(name) needs at least one tensor")
        }
        let axis = try TensorArguments.axis(
          try a.int("axis"), shape: first.shape, function: name, insert: isStack)
        return .host(
          TensorValue(
            isStack ? try Autograd.stack(parts, axis: axis) : try concat(parts, axis: axis)))
      }
    }
  }

  private static func registerMath(_ r: Registrar) {
    let elementwise: [(String, String, (Variable) throws -> Variable)] = [
      ("sin", "sin x", { $0.sin() }), ("cos", "cos x", { $0.cos() }),
      ("floor", "⌊x⌋", { $0.floor() }),
      ("ceil", "⌈x⌉", { $0.ceil() }),
      ("round", "x rounded (halves away from zero)", { $0.rounded() }),
      ("sign", "−1, 0 or 1 by the sign of x", { $0.sign() }), ("relu", "max(0, x)", { $0.relu() }),
      ("sigmoid", "1 / (1 + e^−x)", { $0.sigmoid() }),
    ]
    for (name, formula, op) in elementwise {
      r.overload(
        name, doc: "\(formula) of a number, or elementwise of a tensor.",
        example: "\(name)(Tensor([-1.5, 0.5]))"
      ) { t in
        .host(TensorValue(try op(try t.numeric("\(name)()"))))
      }
    }
    let original = r.session.value(of: "pow")
    r.add(
      "pow", [P.positional("x", "Double or Tensor"), P.positional("y", "Double or Tensor")],
      returns: "Double or Tensor",
      doc:
        "x raised to the power y: numbers give a Double, a tensor on either side an elementwise tensor.",
      example: "pow(Tensor([1, 2, 3]), 2)   // [1, 4, 9]", isType: false
    ) { a in
      if let x = a["x"].host(as: TensorValue.self) {
        return .host(TensorValue(try TensorMath.pow(try x.numeric("pow"), a["y"])))
      }
      if a["y"].host(as: TensorValue.self) != nil {
        return .host(TensorValue(try TensorMath.pow(try operand(a, "x"), a["y"])))
      }
      guard let original else { throw HostError("TypeError", "pow expects numbers or tensors") }
      return try a.context.call(original, [a["x"], a["y"]])
    }
  }

  /// `Double(t)`, `Float(t)`, `Int(t)` of a one-element tensor; other values as before.
  private static func convertsTensors(_ r: Registrar, _ name: String) {
    guard case .native(let original)? = r.session.value(of: name) else { return }
    let function = NativeFunction(
      name: name, parameters: original.parameters, returns: original.returnType,
      doc: original.doc + " A one-element Tensor gives its value.", example: original.example,
      isType: true, staticMembers: original.staticMembers
    ) { a in
      guard let tensor = a[0].host(as: TensorValue.self) else {
        return try a.context.call(.native(original), [a[0]])
      }
      guard tensor.tensor.count == 1 else {
        throw HostError(
          "ValueError",
          "\(name)(t) needs a tensor with one element, this one has shape \(tensor.tensor.shape)",
          hint: "reduce it first, e.g. \(name)(t.sum()), or read all values with t.scalars")
      }
      return try a.context.call(
        .native(original), [.double(Double(engine: tensor.tensor.scalars[0]))])
    }
    function.overloads = original.overloads
    r.session.register(function)
  }

  private static func operand(_ a: Arguments, _ name: String) throws -> Variable {
    if let tensor = a[name].host(as: TensorValue.self) {
      return try tensor.numeric("\(a.function)'s '\(name)'")
    }
    guard let variable = try TensorArithmetic.operand(a[name]) else {
      throw HostError(
        "TypeError",
        "\(a.function): '\(name)' expects a Tensor or a number, got \(a[name].typeName)")
    }
    return variable
  }
}
