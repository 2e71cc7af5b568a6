import Autograd
import Lang
import Tensor

/// `dot(a, b)` and `outer(a, b)` of vectors, differentiable (the matrix product is `matmul` and
/// `a • b`).
enum VectorProducts {
  static func register(_ r: Registrar) {
    let pair = [P.positional("a", "Tensor"), P.positional("b", "Tensor")]
    r.add(
      "dot", pair, returns: "Tensor",
      doc:
        "The dot product Σ aᵢ·bᵢ of two vectors [n] of the same length, a scalar tensor (matrices: matmul or a • b).",
      example: "dot(Tensor([1, 2]), Tensor([3, 4]))   // 11"
    ) { a in
      let (x, y) = try vectors(a, "dot")
      guard x.shape == y.shape else {
        throw HostError(
          "ShapeError",
          "dot: the vectors have lengths \(x.shape[0]) and \(y.shape[0]); they must be equal")
      }
      return .host(TensorValue(try (x * y).sum()))
    }
    r.add(
      "outer", pair, returns: "Tensor",
      doc: "The outer product of vectors [m] and [n]: the [m, n] matrix of aᵢ·bⱼ.",
      example: "outer(Tensor([1, 2]), Tensor([3, 4])).array   // [[3.0, 4.0], [6.0, 8.0]]"
    ) { a in
      let (x, y) = try vectors(a, "outer")
      return .host(TensorValue(try x.reshaped([x.shape[0], 1]) * y.reshaped([1, y.shape[0]])))
    }
  }

  /// Both arguments as numeric vectors (rank 1), or a ShapeError naming the one that is not.
  static func vectors(_ a: Arguments, _ function: String) throws -> (Variable, Variable) {
    let x = try TensorBuiltins.variable(a, "a"), y = try TensorBuiltins.variable(a, "b")
    for (name, v) in [("a", x), ("b", y)] where v.shape.count != 1 {
      throw HostError(
        "ShapeError", "\(function): '\(name)' must be a vector [n], got shape \(v.shape)",
        hint: "for matrices use matmul(a, b) or a • b; flatten first with .flattened()")
    }
    return (x, y)
  }
}
