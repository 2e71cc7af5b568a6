import Autograd
import Lang
import Tensor

/// Logical operations on Bool tensors (masks) and the tests `isNaN`, `isFinite`, `isInfinite`,
/// all giving Bool tensors; Swift for TensorFlow's `elementsLogicalAnd/Or/Not` names and NumPy's
/// `logicalAnd/Or/Not` free functions.
enum TensorLogic {
  /// `isNaN`, `isFinite`, `isInfinite` as properties (as on Swift's Float).
  static func properties(_ t: TensorValue) -> [PropertySpec] {
    let tests: [(String, String, (Float) -> Bool)] = [
      ("isNaN", "Whether each element is NaN (not a number), as a Bool tensor.", { $0.isNaN }),
      (
        "isFinite", "Whether each element is finite (neither infinite nor NaN), as a Bool tensor.",
        { $0.isFinite }
      ),
      ("isInfinite", "Whether each element is +∞ or −∞, as a Bool tensor.", { $0.isInfinite }),
    ]
    return tests.map { name, doc, test in
      PropertySpec(name: name, type: "Tensor", doc: doc) {
        .host(TensorValue(try map(t.tensor, test), isBool: true))
      }
    }
  }

  static func methods(_ t: TensorValue) -> [MethodSpec] {
    [
      MethodSpec(
        name: "elementsLogicalAnd", parameters: [P.positional("other", "Tensor")],
        returns: "Tensor",
        doc: "Pointwise and of two Bool tensors (broadcasting), as logicalAnd(a, b)."
      ) { a in
        try combine(t, a["other"], "elementsLogicalAnd") { $0 && $1 }
      },
      MethodSpec(
        name: "elementsLogicalOr", parameters: [P.positional("other", "Tensor")], returns: "Tensor",
        doc: "Pointwise or of two Bool tensors (broadcasting), as logicalOr(a, b)."
      ) { a in
        try combine(t, a["other"], "elementsLogicalOr") { $0 || $1 }
      },
      MethodSpec(
        name: "elementsLogicalNot", parameters: [], returns: "Tensor",
        doc: "Pointwise not of a Bool tensor, as logicalNot(a)."
      ) { _ in
        .host(
          TensorValue(
            try map(try mask(.host(t), "elementsLogicalNot").tensor) { $0 == 0 }, isBool: true))
      },
    ]
  }

  /// `logicalAnd(a, b)`, `logicalOr(a, b)`, `logicalNot(a)`.
  static func register(_ r: Registrar) {
    for (name, op) in [
      ("logicalAnd", { (x: Bool, y: Bool) in x && y }),
      ("logicalOr", { (x: Bool, y: Bool) in x || y }),
    ] {
      r.add(
        name, [P.positional("a", "Tensor"), P.positional("b", "Tensor")], returns: "Tensor",
        doc:
          "Pointwise \(name == "logicalAnd" ? "and" : "or") of two Bool tensors (masks such as x .> 0), broadcasting.",
        example: "\(name)(Tensor([1, -2, 3]) .> 0, Tensor([1, 2, -3]) .> 0)", isType: false
      ) { a in
        try combine(try mask(a["a"], name), a["b"], name, op)
      }
    }
    r.add(
      "logicalNot", [P.positional("a", "Tensor")], returns: "Tensor",
      doc: "Pointwise not of a Bool tensor.",
      example: "logicalNot(Tensor([1, -2]) .> 0)", isType: false
    ) { a in
      .host(TensorValue(try map(try mask(a["a"], "logicalNot").tensor) { $0 == 0 }, isBool: true))
    }
  }

  /// A Bool tensor argument; a TypeError that says how to make one otherwise.
  static func mask(_ value: Value, _ function: String) throws -> TensorValue {
    guard let tensor = value.host(as: TensorValue.self), tensor.isBool else {
      throw HostError(
        "TypeError",
        "\(function) needs Bool tensors (masks), got \(value.host(as: TensorValue.self) == nil ? value.typeName : "a numeric Tensor")",
        hint: "make a mask with a pointwise comparison such as x .> 0")
    }
    return tensor
  }

  static func combine(
    _ t: TensorValue, _ other: Value, _ function: String, _ op: (Bool, Bool) -> Bool
  ) throws -> Value {
    _ = try mask(.host(t), function)
    let b = try mask(other, function)
    return try EngineErrors.run {
      let shape = try Tensor.broadcastShape(t.tensor.shape, b.tensor.shape)
      let (x, y) = (try t.tensor.broadcasted(to: shape), try b.tensor.broadcasted(to: shape))
      let values = zip(x.scalars, y.scalars).map { op($0 != 0, $1 != 0) ? Float(1) : 0 }
      return .host(TensorValue(try Tensor(shape: shape, scalars: values), isBool: true))
    }
  }

  static func map(_ tensor: Tensor, _ test: (Float) -> Bool) throws -> Tensor {
    try Tensor(shape: tensor.shape, scalars: tensor.scalars.map { test($0) ? 1 : 0 })
  }
}
