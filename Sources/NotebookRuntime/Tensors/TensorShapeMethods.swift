import Autograd
import Lang
import Tensor

/// Shape methods of a tensor: reshaping, size-1 axes, permutations, broadcasting, joining and
/// splitting. All are differentiable and keep a Bool tensor Bool.
enum TensorShapeMethods {
  // size-budget: a declarative table of methods, one entry each; splitting it scatters the list.
  static func methods(_ t: TensorValue) -> [MethodSpec] {
    func wrap(_ v: Variable) -> Value { .host(TensorValue(v, isBool: t.isBool)) }
    func method(
      _ name: String, _ parameters: [Parameter], _ doc: String,
      _ body: @escaping (Arguments, Variable) throws -> Variable
    ) -> MethodSpec {
      MethodSpec(name: name, parameters: parameters, returns: "Tensor", doc: doc) { a in
        wrap(try body(a, t.variable))
      }
    }
    let axis = P.labelled("axis", "Int", default: .int(0))
    return [
      method(
        "reshaped", [P.positional("shape", "[Int]")],
        "The same values with another shape (same element count; one -1 is inferred)."
      ) { a, x in
        try x.reshaped(try TensorIndexing.resolve(try a.ints("shape"), count: x.value.count))
      },
      method(
        "flattened", [P.labelled("from", "Int", default: .int(0))],
        "The axes from `from` on merged into one (all of them by default: rank 1)."
      ) { a, x in
        guard x.shape.count > 0 else { return try x.reshaped([1]) }
        return try x.flattened(startAxis: try TensorArguments.axis(a, "from", shape: x.shape))
      },
      method(
        "squeezed", [TensorArguments.axisParameter],
        "Size-1 axes removed (only those of axis: when given)."
      ) { a, x in
        try x.squeezed(axes: try TensorArguments.axes(a, shape: x.shape))
      },
      method(
        "expanded", [P.labelled("at", "Int")],
        "A size-1 axis inserted at position `at` (0...rank, negative from the end)."
      ) { a, x in
        try x.expandingShape(at: try TensorArguments.axis(a, "at", shape: x.shape, insert: true))
      },
      method(
        "permuted", [P.positional("axes", "[Int]")],
        "The axes reordered: output axis i is input axis axes[i], e.g. [C, H, W].permuted([1, 2, 0]) is [H, W, C]."
      ) { a, x in
        let axes = try a.ints("axes")
        guard axes.count == x.shape.count,
          Set(axes.map { $0 < 0 ? $0 + axes.count : $0 }) == Set(0..<axes.count)
        else {
          throw HostError(
            "ValueError",
            "permuted: \(axes) is not a permutation of the \(x.shape.count) axes of shape \(x.shape)"
          )
        }
        return try x.permuted(axes)
      },
      method(
        "transposed", [],
        "The matrix transpose of a 2-D tensor (the last two axes of a higher-rank one)."
      ) { _, v in
        v.shape.count <= 2
          ? v.transposed()
          : try v.permuted(Array(0..<(v.shape.count - 2)) + [v.shape.count - 1, v.shape.count - 2])
      },
      method(
        "broadcast", [P.labelled("to", "[Int]")],
        "Repeated along size-1 (and new leading) axes to the shape `to` (NumPy's broadcast_to)."
      ) { a, x in
        try x.broadcasted(to: try TensorArguments.shape(a, "to"))
      },
      method(
        "concatenated", [P.labelled("with", "Tensor"), axis],
        "This tensor and `with` joined along an existing axis."
      ) { a, x in
        try concat(
          [x, try TensorBuiltins.variable(a, "with")],
          axis: try TensorArguments.axis(a, shape: x.shape))
      },
      MethodSpec(
        name: "split", parameters: [P.labelled("sizes", "[Int]"), axis], returns: "[Tensor]",
        doc: "Pieces of the given sizes along axis (they must add up to its size)."
      ) { a in
        let x = t.variable
        let parts = try x.split(
          sizes: try a.ints("sizes"), axis: try TensorArguments.axis(a, shape: x.shape))
        return .array(parts.map(wrap))
      },
      MethodSpec(
        name: "chunked", parameters: [P.positional("count", "Int"), axis], returns: "[Tensor]",
        doc:
          "count pieces of equal size along axis (the last one smaller when the size does not divide)."
      ) { a in
        let x = t.variable
        let axis = try TensorArguments.axis(a, shape: x.shape)
        let size = x.shape[axis]
        let count = try TensorArguments.int(a, "count", in: 1...Swift.max(1, size))
        let step = (size + count - 1) / count
        let sizes = stride(from: 0, to: size, by: Swift.max(step, 1)).map {
          Swift.min(step, size - $0)
        }
        return .array(try x.split(sizes: sizes, axis: axis).map(wrap))
      },
    ]
  }
}
