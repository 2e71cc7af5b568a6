import Autograd
import Display
import Lang
import MemoryBudget
import Tensor

/// A tensor of the language: wraps an Autograd `Variable`, so `requiresGrad`, `.grad` and
/// `.backward()` work on any value computed from it. Float32, row-major, any rank; images are
/// `[C, H, W]` per sample and `[N, C, H, W]` per batch (NCHW).
final class TensorValue: RuntimeObject {
  /// Replaced (never mutated) by slice and mask assignment, which build the new value with
  /// differentiable ops.
  var variable: Variable
  /// A Bool tensor (from `.<` and the other pointwise comparisons): values 0 and 1, usable as a
  /// mask, in `where`, `any`, `all`, `sum` and `mean`, but not in arithmetic.
  let isBool: Bool

  init(_ variable: Variable, isBool: Bool = false) {
    self.variable = variable
    self.isBool = isBool
  }
  convenience init(_ tensor: Tensor, isBool: Bool = false) {
    self.init(Variable(tensor), isBool: isBool)
  }

  var tensor: Tensor { variable.value }
  override var operandBytes: Int { variable.value.count &* MemoryLayout<Float>.stride }
  override var typeName: String { "Tensor" }
  override var description: String { isBool ? TensorText.bools(tensor) : TensorText.plain(tensor) }

  /// The variable of a tensor used in numeric work; a TypeError naming `what` for a Bool tensor.
  func numeric(_ what: String) throws -> Variable {
    guard !isBool else {
      throw HostError(
        "TypeError",
        "\(what) needs numbers, but this is a Bool tensor (the result of a comparison such as .<)",
        hint:
          "use it as a mask (t[mask], Tensor.where(mask, a, b)) or convert it with Tensor(mask) to 0 and 1"
      )
    }
    return variable
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "shape", type: "[Int]", doc: "The size of every axis, e.g. [1, 28, 28].") {
        .ints(self.tensor.shape)
      },
      PropertySpec(name: "rank", type: "Int", doc: "The number of axes.") {
        .int(self.tensor.rank)
      },
      PropertySpec(name: "count", type: "Int", doc: "The number of elements.") {
        .int(self.tensor.count)
      },
      PropertySpec(name: "item", type: "Double", doc: "The single value of a one-element tensor.") {
        guard self.tensor.count == 1 else {
          throw HostError(
            "ValueError",
            "item needs a tensor with one element, this one has shape \(self.tensor.shape)",
            hint: "reduce it first, e.g. t.sum().item or t.mean().item")
        }
        return .double(Double(engine: self.tensor.scalars[0]))
      },
      PropertySpec(name: "scalars", type: "[Double]", doc: "All values in row-major order.") {
        .doubles(self.tensor.scalars.map { Double(engine: $0) })
      },
      PropertySpec(
        name: "array", type: "[[Double]]",
        doc: "The values as nested arrays, one level per axis (a Double for a scalar tensor)."
      ) {
        try MemoryBudget.reserve(count: self.tensor.count, stride: MemoryLayout<Value>.stride)
        return TensorLiteral.nested(self.tensor, bools: self.isBool)
      },
      PropertySpec(
        name: "requiresGrad", type: "Bool",
        doc: "Whether backward() computes a gradient for this tensor."
      ) {
        .bool(self.variable.requiresGrad)
      },
      PropertySpec(name: "grad", type: "Tensor?", doc: "The gradient after backward(), or nil.") {
        self.variable.grad.map { .host(TensorValue($0)) } ?? .null
      },
    ] + TensorLogic.properties(self)
  }

  override var methods: [MethodSpec] {
    func unary(_ name: String, _ doc: String, _ op: @escaping (Variable) throws -> Variable)
      -> MethodSpec
    {
      MethodSpec(name: name, parameters: [], returns: "Tensor", doc: doc) { _ in
        .host(TensorValue(try op(self.variable)))
      }
    }
    return [
      MethodSpec(
        name: "backward", parameters: [], returns: nil,
        doc:
          "Computes the gradient of this scalar with respect to every tensor it depends on that has requiresGrad; read them with .grad."
      ) { _ in
        guard self.tensor.count == 1 else {
          throw HostError(
            "ValueError",
            "backward() needs a scalar (one element), this tensor has shape \(self.tensor.shape)",
            hint: "reduce it first, e.g. loss.sum().backward()")
        }
        try self.variable.backward()
        return .void
      },
      MethodSpec(name: "zeroGrad", parameters: [], returns: nil, doc: "Forgets the gradient.") {
        _ in
        self.variable.zeroGrad()
        return .void
      },
      unary("detached", "The same values, cut from the gradient graph.") { $0.detached() },
      MethodSpec(
        name: "describe", parameters: [], returns: "Summary",
        doc: "count, mean, std (n − 1), min and max of all elements, as pandas' describe()."
      ) { _ in
        .host(TensorSummary(try self.numeric("describe()").value))
      },
    ] + TensorReductionMethods.methods(self) + TensorShapeMethods.methods(self)
      + TensorMathMethods.methods(self)
      + ImageFileBuiltins.methods(self) + TensorGatherMethods.methods(self)
      + TensorLogic.methods(self)
      + TensorHeatmap.methods(self)
  }

  override func setMember(named name: String, to value: Value) throws -> Bool {
    guard name == "requiresGrad" else { return false }
    guard let flag = value.boolValue else {
      throw HostError("TypeError", "requiresGrad expects a Bool, got \(value.typeName)")
    }
    variable.requiresGrad = flag
    return true
  }

  override func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws
    -> Value?
  {
    try EngineErrors.run {
      try OperandBudget.reserve(self)
      return try TensorArithmetic.apply(op, self, other, selfOnLeft: selfOnLeft)
    }
  }

  override func negated() throws -> Value? {
    try EngineErrors.run {
      try OperandBudget.reserve(self)
      return .host(TensorValue(-(try numeric("-"))))
    }
  }

  override func subscriptGet(_ indices: [Value]) throws -> Value? {
    try EngineErrors.run {
      .host(TensorValue(try TensorIndexing.index(variable, indices), isBool: isBool))
    }
  }

  override func subscriptSet(_ indices: [Value], to value: Value) throws -> Bool {
    try EngineErrors.run { variable = try TensorAssignment.assign(self, indices, value) }
    return true
  }

  override func makeIterator() throws -> (() throws -> Value?)? {
    guard tensor.rank >= 1 else {
      throw HostError("TypeError", "a scalar tensor is not a sequence")
    }
    var position = 0
    let count = tensor.shape[0]
    return { [self] in
      guard position < count else { return nil }
      defer { position += 1 }
      return .host(
        TensorValue(try TensorIndexing.index(variable, [.int(position)]), isBool: isBool))
    }
  }

  override func displayBundle() -> MimeBundle {
    isBool ? MimeBundle(plain: description) : TensorDisplay.bundle(tensor)
  }
}
