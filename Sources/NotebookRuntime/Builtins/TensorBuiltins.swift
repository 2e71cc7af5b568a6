import Autograd
import Lang
import NN
import Tensor

/// `Tensor(...)`, `matmul`, elementwise functions, pooling and convolution on plain tensors, losses.
enum TensorBuiltins {
  static func register(_ r: Registrar) {
    TensorCreationBuiltins.register(r)
    TensorFunctionBuiltins.register(r)
    ImageFileBuiltins.register(r)
    TensorLogic.register(r)
    r.add(
      "matmul", [P.positional("a", "Tensor"), P.positional("b", "Tensor")], returns: "Tensor",
      doc:
        "The matrix product of [m, k] and [k, n] tensors (batched over leading axes), differentiable.",
      example: "matmul(Tensor([[1, 2]]), Tensor([[3], [4]]))   // [[11]]"
    ) { a in
      .host(TensorValue(try matmul(try variable(a, "a"), try variable(a, "b"))))
    }
    r.overload(
      "abs", doc: "|x| of a number, or elementwise of a tensor.",
      example: "abs(Tensor([-1, 2]))   // [1, 2]"
    ) { .host(TensorValue($0.variable.abs())) }
    r.overload(
      "exp", doc: "e^x of a number, or elementwise of a tensor.",
      example: "exp(Tensor([0]))   // [1]"
    ) { .host(TensorValue($0.variable.exp())) }
    r.overload(
      "log", doc: "ln x of a number, or elementwise of a tensor.",
      example: "log(Tensor([1]))   // [0]"
    ) { .host(TensorValue($0.variable.log())) }
    r.overload(
      "sqrt", doc: "√x of a number, or elementwise of a tensor.",
      example: "sqrt(Tensor([4]))   // [2]"
    ) { .host(TensorValue($0.variable.sqrt())) }
    r.overload(
      "tanh", doc: "tanh x of a number, or elementwise of a tensor.",
      example: "tanh(Tensor([0]))   // [0]"
    ) { .host(TensorValue($0.variable.tanh())) }
    VectorProducts.register(r)
    FunctionalBuiltins.register(r)
    LossBuiltins.register(r)
    GradientBuiltins.register(r)
  }

  static func variable(_ a: Arguments, _ name: String) throws -> Variable {
    if let tensor = a[name].host(as: TensorValue.self) {
      return try tensor.numeric("\(a.function)'s '\(name)'")
    }
    if case .array = a[name] { return Variable(try TensorLiteral.tensor(from: a[name])) }
    throw HostError(
      "TypeError", "\(a.function): '\(name)' expects a Tensor, got \(a[name].typeName)")
  }
}
