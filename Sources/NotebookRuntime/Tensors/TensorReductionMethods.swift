import Autograd
import Lang
import Tensor

/// Reductions of a tensor along `axis:` (an Int or [Int]; all axes when nil) with `keepDims:`.
/// `max`, `min`, `argmax`, `argmin`, `any` and `all` without an axis give a plain Double, Int or
/// Bool, as they always have; with one they give a tensor.
enum TensorReductionMethods {
  // size-budget: a declarative table of methods, one entry each; splitting it scatters the list.
  static func methods(_ t: TensorValue) -> [MethodSpec] {
    let axisAndKeep = [TensorArguments.axisParameter, TensorArguments.keepDimsParameter]
    func reduction(
      _ name: String, _ doc: String, numeric: Bool = true,
      _ op: @escaping (Variable, [Int]?, Bool) throws -> Variable
    ) -> MethodSpec {
      MethodSpec(name: name, parameters: axisAndKeep, returns: "Tensor", doc: doc) { a in
        let variable = numeric ? try t.numeric("\(name)()") : t.variable
        let axes = try TensorArguments.axes(a, shape: t.tensor.shape)
        return .host(TensorValue(try op(variable, axes, try a.bool("keepDims"))))
      }
    }
    return [
      reduction(
        "sum",
        "The sum over axis (all elements when nil), e.g. t.sum(axis: 0); counts the true values of a Bool tensor.",
        numeric: false
      ) {
        try $0.sum(axes: $1, keepingDims: $2)
      },
      reduction(
        "mean",
        "The mean over axis (all elements when nil); the fraction of true values of a Bool tensor.",
        numeric: false
      ) {
        try $0.mean(axes: $1, keepingDims: $2)
      },
      reduction("product", "The product over axis (all elements when nil).") {
        try $0.product(axes: $1, keepingDims: $2)
      },
      reduction("norm", "The Euclidean norm √Σx² over axis (all elements when nil).") {
        try $0.norm(axes: $1, keepingDims: $2)
      },
      statistic(
        "variance",
        "The variance mean((x − mean)²) over axis; divides by n − 1 with unbiased: true.", t
      ) {
        try $0.variance(axes: $1, keepingDims: $2, unbiased: $3)
      },
      statistic(
        "standardDeviation", "√variance over axis; divides by n − 1 with unbiased: true.", t
      ) {
        try $0.standardDeviation(axes: $1, keepingDims: $2, unbiased: $3)
      },
      extremum(
        "max",
        "The largest element as a Double; with axis: a tensor of the largest values along it.", t
      ) {
        try $0.max(axes: $1, keepingDims: $2)
      },
      extremum(
        "min",
        "The smallest element as a Double; with axis: a tensor of the smallest values along it.", t
      ) {
        try $0.min(axes: $1, keepingDims: $2)
      },
      argExtremum("argmax", largest: true, t),
      argExtremum("argmin", largest: false, t),
      logical("any", t, all: false),
      logical("all", t, all: true),
      MethodSpec(
        name: "cumulativeSum", parameters: [P.labelled("axis", "Int?", default: .null)],
        returns: "Tensor",
        doc: "Running sums along axis (of all elements in row-major order, as rank 1, when nil)."
      ) { a in
        let x = try t.numeric("cumulativeSum()")
        if a.isNil("axis") {
          return .host(TensorValue(try x.reshaped([x.value.count]).cumulativeSum(axis: 0)))
        }
        return .host(
          TensorValue(try x.cumulativeSum(axis: try TensorArguments.axis(a, shape: x.shape))))
      },
    ]
  }

  private static func statistic(
    _ name: String, _ doc: String, _ t: TensorValue,
    _ op: @escaping (Variable, [Int]?, Bool, Bool) throws -> Variable
  ) -> MethodSpec {
    MethodSpec(
      name: name,
      parameters: [
        TensorArguments.axisParameter, TensorArguments.keepDimsParameter,
        P.labelled("unbiased", "Bool", default: .bool(false)),
      ], returns: "Tensor", doc: doc
    ) { a in
      let x = try t.numeric("\(name)()")
      let axes = try TensorArguments.axes(a, shape: x.shape)
      return .host(TensorValue(try op(x, axes, try a.bool("keepDims"), try a.bool("unbiased"))))
    }
  }

  private static func extremum(
    _ name: String, _ doc: String, _ t: TensorValue,
    _ op: @escaping (Variable, [Int]?, Bool) throws -> Variable
  ) -> MethodSpec {
    MethodSpec(
      name: name, parameters: [TensorArguments.axisParameter, TensorArguments.keepDimsParameter],
      returns: "Double or Tensor", doc: doc
    ) { a in
      let x = t.variable
      guard x.value.count > 0 else { throw HostError("ValueError", "\(name)() of an empty tensor") }
      let axes = try TensorArguments.axes(a, shape: x.shape)
      if try axes == nil && !a.bool("keepDims") {
        return .double(Double(engine: try op(x, nil, false).value.scalars[0]))
      }
      return .host(TensorValue(try op(x, axes, try a.bool("keepDims"))))
    }
  }

  private static func argExtremum(_ name: String, largest: Bool, _ t: TensorValue) -> MethodSpec {
    let what = largest ? "largest" : "smallest"
    return MethodSpec(
      name: name,
      parameters: [P.labelled("axis", "Int?", default: .null), TensorArguments.keepDimsParameter],
      returns: "Int or Tensor",
      doc:
        "The flat index of the \(what) element (the first on ties); with axis: a tensor of indices along it."
    ) { a in
      let x = t.tensor
      guard x.count > 0 else { throw HostError("ValueError", "\(name)() of an empty tensor") }
      guard !a.isNil("axis") else {
        let flat = try x.reshaped([x.count])
        return .int(Int(try (largest ? flat.argmax(axis: 0) : flat.argmin(axis: 0)).scalars[0]))
      }
      let axis = try TensorArguments.axis(a, shape: x.shape)
      let indices = try largest ? x.argmax(axis: axis) : x.argmin(axis: axis)
      return .host(TensorValue(try a.bool("keepDims") ? indices.expandingShape(at: axis) : indices))
    }
  }

  private static func logical(_ name: String, _ t: TensorValue, all: Bool) -> MethodSpec {
    MethodSpec(
      name: name, parameters: [TensorArguments.axisParameter, TensorArguments.keepDimsParameter],
      returns: "Bool or Tensor",
      doc:
        "Whether \(all ? "every" : "any") element is true (non-zero); with axis: a Bool tensor along it."
    ) { a in
      let nonZero = t.tensor.map { $0 != 0 ? 1 : 0 }
      let axes = try TensorArguments.axes(a, shape: nonZero.shape)
      let reduced =
        try all
        ? nonZero.min(axes: axes, keepingDims: try a.bool("keepDims"))
        : nonZero.max(axes: axes, keepingDims: try a.bool("keepDims"))
      if try axes == nil && !a.bool("keepDims") {
        return .bool(nonZero.count == 0 ? all : reduced.scalars[0] != 0)
      }
      return .host(TensorValue(reduced, isBool: true))
    }
  }
}
