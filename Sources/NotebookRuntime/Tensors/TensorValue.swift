import Autograd
import Display
import Lang
import Tensor

/// A tensor of the language: wraps an Autograd `Variable`, so `requiresGrad`, `.grad` and
/// `.backward()` work on any value computed from it. Float32, row-major, any rank; images are
/// `[C, H, W]` per sample and `[N, C, H, W]` per batch (NCHW).
final class TensorValue: RuntimeObject {
  let variable: Variable

  init(_ variable: Variable) { self.variable = variable }
  convenience init(_ tensor: Tensor) { self.init(Variable(tensor)) }

  var tensor: Tensor { variable.value }
  override var typeName: String { "Tensor" }
  override var description: String { TensorText.plain(tensor) }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "shape", type: "[Int]", doc: "The size of every axis, e.g. [1, 28, 28].") { .ints(self.tensor.shape) },
      PropertySpec(name: "rank", type: "Int", doc: "The number of axes.") { .int(self.tensor.rank) },
      PropertySpec(name: "count", type: "Int", doc: "The number of elements.") { .int(self.tensor.count) },
      PropertySpec(name: "item", type: "Double", doc: "The single value of a one-element tensor.") {
        guard self.tensor.count == 1 else {
          throw HostError("ValueError", "item needs a tensor with one element, this one has shape \(self.tensor.shape)",
                          hint: "reduce it first, e.g. t.sum().item or t.mean().item")
        }
        return .double(Double(engine: self.tensor.scalars[0]))
      },
      PropertySpec(name: "scalars", type: "[Double]", doc: "All values in row-major order.") {
        .doubles(self.tensor.scalars.map { Double(engine: $0) })
      },
      PropertySpec(name: "requiresGrad", type: "Bool", doc: "Whether backward() computes a gradient for this tensor.") {
        .bool(self.variable.requiresGrad)
      },
      PropertySpec(name: "grad", type: "Tensor?", doc: "The gradient after backward(), or nil.") {
        self.variable.grad.map { .host(TensorValue($0)) } ?? .null
      },
    ]
  }

  override var methods: [MethodSpec] {
    func unary(_ name: String, _ doc: String, _ op: @escaping (Variable) throws -> Variable) -> MethodSpec {
      MethodSpec(name: name, parameters: [], returns: "Tensor", doc: doc) { _ in .host(TensorValue(try op(self.variable))) }
    }
    return [
      MethodSpec(name: "backward", parameters: [], returns: nil,
                 doc: "Computes the gradient of this scalar with respect to every tensor it depends on that has requiresGrad; read them with .grad.") { _ in
        guard self.tensor.count == 1 else {
          throw HostError("ValueError", "backward() needs a scalar (one element), this tensor has shape \(self.tensor.shape)",
                          hint: "reduce it first, e.g. loss.sum().backward()")
        }
        try self.variable.backward()
        return .void
      },
      MethodSpec(name: "zeroGrad", parameters: [], returns: nil, doc: "Forgets the gradient.") { _ in
        self.variable.zeroGrad(); return .void
      },
      unary("transposed", "The matrix transpose of a 2-D tensor (the last two axes of a higher-rank one).") { v in
        v.shape.count <= 2 ? v.transposed() : try v.permuted(Array(0..<(v.shape.count - 2)) + [v.shape.count - 1, v.shape.count - 2])
      },
      MethodSpec(name: "reshaped", parameters: [P.positional("shape", "[Int]")], returns: "Tensor",
                 doc: "The same values with another shape (same element count; one -1 is inferred).") { a in
        .host(TensorValue(try self.variable.reshaped(try TensorIndexing.resolve(try a.ints("shape"), count: self.tensor.count))))
      },
      unary("sum", "The sum of all elements, a scalar tensor.") { try $0.sum() },
      unary("mean", "The mean of all elements, a scalar tensor.") { try $0.mean() },
      unary("flattened", "All elements in one axis.") { try $0.reshaped([$0.value.count]) },
      unary("abs", "Elementwise absolute value.") { $0.abs() },
      unary("exp", "Elementwise e^x.") { $0.exp() },
      unary("log", "Elementwise natural logarithm.") { $0.log() },
      unary("sqrt", "Elementwise square root.") { $0.sqrt() },
      unary("squared", "Elementwise x².") { $0.squared() },
      unary("relu", "Elementwise max(0, x).") { $0.relu() },
      unary("sigmoid", "Elementwise 1 / (1 + e^-x).") { $0.sigmoid() },
      unary("tanh", "Elementwise tanh(x).") { $0.tanh() },
      unary("detached", "The same values, cut from the gradient graph.") { $0.detached() },
      MethodSpec(name: "max", parameters: [], returns: "Double", doc: "The largest element.") { _ in
        .double(Double(engine: self.tensor.scalars.max() ?? .nan))
      },
      MethodSpec(name: "min", parameters: [], returns: "Double", doc: "The smallest element.") { _ in
        .double(Double(engine: self.tensor.scalars.min() ?? .nan))
      },
      MethodSpec(name: "argmax", parameters: [], returns: "Int", doc: "The flat index of the largest element.") { _ in
        let scalars = self.tensor.scalars
        guard let best = scalars.indices.max(by: { scalars[$0] < scalars[$1] || (scalars[$0] == scalars[$1] && $0 > $1) }) else {
          throw HostError("ValueError", "argmax of an empty tensor")
        }
        return .int(best)
      },
    ]
  }

  override func setMember(named name: String, to value: Value) throws -> Bool {
    guard name == "requiresGrad" else { return false }
    guard let flag = value.boolValue else { throw HostError("TypeError", "requiresGrad expects a Bool, got \(value.typeName)") }
    variable.requiresGrad = flag
    return true
  }

  override func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value? {
    try EngineErrors.run { try TensorArithmetic.apply(op, self, other, selfOnLeft: selfOnLeft) }
  }

  override func negated() throws -> Value? { .host(TensorValue(-variable)) }

  override func subscriptGet(_ indices: [Value]) throws -> Value? {
    try EngineErrors.run { .host(TensorValue(try TensorIndexing.index(variable, indices))) }
  }

  override func makeIterator() throws -> (() throws -> Value?)? {
    guard tensor.rank >= 1 else { throw HostError("TypeError", "a scalar tensor is not a sequence") }
    var position = 0
    let count = tensor.shape[0]
    return { [self] in
      guard position < count else { return nil }
      defer { position += 1 }
      return .host(TensorValue(try TensorIndexing.index(variable, [.int(position)])))
    }
  }

  override func displayBundle() -> MimeBundle { TensorDisplay.bundle(tensor) }
}
