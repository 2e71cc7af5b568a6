import Autograd
import Lang
import Tensor

/// `withoutGradients { … }` and Swift for TensorFlow's `gradient(at: x) { x in … }` and
/// `valueWithGradient(at:)`: differentiation of a closure without touching `.grad` of the inputs.
enum GradientBuiltins {
  static func register(_ r: Registrar) {
    r.add(
      "withoutGradients", [P.positional("body", "() -> T")], returns: "T",
      doc:
        "Runs the closure with gradient recording off (for evaluation and inference: results are constants that keep no graph) and returns its value.",
      example:
        "let w = Tensor([2], requiresGrad: true)\nlet y = withoutGradients { w * 3 }\nprint(y.requiresGrad)   // false",
      isType: false
    ) { a in
      let body = try callable(a, "body")
      return try GradMode.withoutGradients { try a.context.call(body, []) }
    }
    for (name, withValue) in [("gradient", false), ("valueWithGradient", true)] {
      r.add(
        name, [P.labelled("at", "Tensor or [Tensor]"), P.positional("of", "(Tensor) -> Tensor")],
        returns: withValue ? "(Tensor, Tensor)" : "Tensor",
        doc:
          "The gradient of the closure's scalar result with respect to at: (a tensor, or an array of tensors passed as that many arguments, giving an array of gradients)\(withValue ? ", with the result: (value, gradient)" : ""). The inputs' own .grad is left alone.",
        example: withValue
          ? "let (v, g) = valueWithGradient(at: Tensor([3])) { x in (x * x).sum() }\nprint(v.scalars, g.scalars)   // [9.0] [6.0]"
          : "gradient(at: Tensor([1, 2, 3])) { x in (x * x).sum() }.scalars   // [2.0, 4.0, 6.0]",
        isType: false
      ) { a in
        let (value, gradients, many) = try differentiate(a)
        let gradient: Value = many ? .array(gradients) : gradients[0]
        return withValue ? .tuple([value, gradient]) : gradient
      }
    }
  }

  /// Calls `of` on fresh leaves holding the values of `at`, runs backward from its scalar result,
  /// and returns the result and the leaves' gradients (zeros where it does not depend on one).
  static func differentiate(_ a: Arguments) throws -> (Value, [Value], Bool) {
    let body = try callable(a, "of")
    let many: Bool
    let inputs: [Value]
    if case .array(let items) = a["at"] {
      (many, inputs) = (true, items)
    } else {
      (many, inputs) = (false, [a["at"]])
    }
    let leaves = try inputs.map { input -> Variable in
      guard let tensor = input.host(as: TensorValue.self) else {
        throw HostError(
          "TypeError",
          "\(a.function)(at:) differentiates with respect to tensors, got \(input.typeName)")
      }
      return Variable(try tensor.numeric("\(a.function)(at:)").value, requiresGrad: true)
    }
    guard !leaves.isEmpty else {
      throw HostError("ValueError", "\(a.function)(at:) needs at least one tensor")
    }
    guard GradMode.isEnabled else {
      throw HostError(
        "ValueError", "\(a.function) cannot differentiate inside withoutGradients { }")
    }
    let result = try a.context.call(body, leaves.map { .host(TensorValue($0)) })
    guard let output = result.host(as: TensorValue.self), output.tensor.count == 1 else {
      throw HostError(
        "TypeError",
        "\(a.function): the closure must return a tensor with one element (a scalar such as a loss), got \(result.host(as: TensorValue.self).map { "shape \($0.tensor.shape)" } ?? result.typeName)",
        hint: "reduce it inside the closure, e.g. { x in (x * x).sum() }")
    }
    try output.variable.backward()
    let gradients = try leaves.map { leaf -> Value in
      .host(TensorValue(try leaf.grad ?? Tensor(zeros: leaf.shape)))
    }
    return (.host(TensorValue(output.variable.detached())), gradients, many)
  }

  static func callable(_ a: Arguments, _ name: String) throws -> Value {
    switch a[name] {
    case .closure, .native: return a[name]
    default:
      throw HostError(
        "TypeError", "\(a.function) expects a closure, got \(a[name].typeName)",
        hint: "write \(a.function) { … } with a trailing closure")
    }
  }
}
