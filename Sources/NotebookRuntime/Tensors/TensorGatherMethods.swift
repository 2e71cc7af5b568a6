import Autograd
import Lang
import MemoryBudget
import Tensor

/// Padding, repeating, tiling and top-k: each gathers positions along axes (Autograd's
/// `gathered` and `taken(along:)`), so each is differentiable; a Bool tensor stays Bool.
enum TensorGatherMethods {
  // size-budget: a declarative table of methods, one entry each; splitting it scatters the list.
  static func methods(_ t: TensorValue) -> [MethodSpec] {
    func wrap(_ v: Variable) -> Value { .host(TensorValue(v, isBool: t.isBool)) }
    return [
      MethodSpec(
        name: "padded",
        parameters: [
          P.positional("sizes", "[[Int]]"),
          P.labelled(
            "mode", "PadMode", default: .implicitMember("constant"),
            implicit: ["constant", "reflect"]),
          P.labelled("value", "Double", default: .int(0)),
        ], returns: "Tensor",
        doc:
          "Padded by [before, after] pairs for the last axes (one pair per axis, e.g. [[1, 1], [2, 2]] for H and W): with value (.constant) or the mirror image without the edge (.reflect, each pad below the axis size)."
      ) { a in
        wrap(try pad(t.variable, a))
      },
      MethodSpec(
        name: "repeated",
        parameters: [P.positional("count", "Int"), P.labelled("axis", "Int?", default: .null)],
        returns: "Tensor",
        doc:
          "Each element repeated count times along axis (NumPy's repeat); without an axis, of the flattened tensor."
      ) { a in
        var x = t.variable
        if a.isNil("axis") { x = try x.reshaped([x.value.count]) }
        let axis = a.isNil("axis") ? 0 : try TensorArguments.axis(a, shape: x.shape)
        let count = try TensorArguments.int(a, "count", in: 0...ArgumentLimits.largestSize)
        try reserve(x.value.count, times: count)
        try reserve(x.shape[axis], times: count)  // the index list, large even when x is empty
        return wrap(
          try x.gathered(
            (0..<x.shape[axis]).flatMap { Array(repeating: $0, count: count) }, axis: axis))
      },
      MethodSpec(
        name: "tiled", parameters: [P.positional("multiples", "[Int]")], returns: "Tensor",
        doc:
          "The whole tensor repeated multiples[i] times along the last multiples.count axes (NumPy's tile; missing leading axes are added)."
      ) { a in
        wrap(try tile(t.variable, try a.ints("multiples")))
      },
      MethodSpec(
        name: "topK",
        parameters: [
          P.positional("k", "Int"), P.labelled("axis", "Int", default: .int(-1)),
          P.labelled("largest", "Bool", default: .bool(true)),
        ], returns: "(Tensor, Tensor)",
        doc:
          "The k largest values along axis (smallest with largest: false), in order, and their indices: let (values, indices) = t.topK(2). Differentiable in the values; ties keep the lower index first."
      ) { a in
        let x = try t.numeric("topK")
        let axis = try TensorArguments.axis(a, shape: x.shape)
        let k = try TensorArguments.int(a, "k", in: 0...x.shape[axis])
        let indices = try topIndices(x.value, k: k, axis: axis, largest: try a.bool("largest"))
        return .tuple([
          .host(TensorValue(try x.taken(along: axis, indices: indices))),
          .host(TensorValue(indices)),
        ])
      },
    ]
  }

  /// Reserves memory for `count · times` Floats or Ints (a MemoryError when too large): the result
  /// and the index lists the gathers build, which are as long as an axis even when the tensor is empty.
  static func reserve(_ count: Int, times: Int) throws {
    let (total, overflow) = count.multipliedReportingOverflow(by: max(times, 1))
    try MemoryBudget.reserve(count: overflow ? Int.max / 8 : total, stride: 8)
  }

  static func pad(_ x: Variable, _ a: Arguments) throws -> Variable {
    let rows = try a.array("sizes")
    let shape = x.shape
    guard rows.count <= shape.count else {
      throw HostError(
        "ValueError",
        "padded: \(rows.count) [before, after] pairs for a tensor of rank \(shape.count)")
    }
    let pairs = try rows.map { row -> (before: Int, after: Int) in
      guard case .array(let items) = row, items.count == 2, let before = items[0].intValue,
        let after = items[1].intValue
      else {
        throw HostError(
          "TypeError",
          "padded takes [before, after] pairs of Ints, one per axis, e.g. [[1, 1], [2, 2]]")
      }
      return (
        try ArgumentLimits.check(before, "padding", in: 0...ArgumentLimits.largestSize),
        try ArgumentLimits.check(after, "padding", in: 0...ArgumentLimits.largestSize)
      )
    }
    let first = shape.count - pairs.count
    var total = 1
    for (i, size) in shape.enumerated() {
      total =
        total.multipliedReportingOverflow(
          by: size + (i >= first ? pairs[i - first].before + pairs[i - first].after : 0)
        ).partialValue
    }
    try reserve(max(total, 0), times: 1)
    switch try a.implicitMember("mode") {
    case "constant": return try x.padded(pairs, value: Float(try a.double("value")))
    case "reflect":
      var y = x
      for (i, pair) in pairs.enumerated() where pair.before + pair.after > 0 {
        let axis = first + i, size = shape[axis]
        guard pair.before < size, pair.after < size else {
          throw HostError(
            "ValueError",
            "padded(mode: .reflect): padding \([pair.before, pair.after]) must be below the size \(size) of axis \(axis)"
          )
        }
        try reserve(size + pair.before + pair.after, times: 1)  // the index list
        let indices = (-pair.before..<(size + pair.after)).map {
          $0 < 0 ? -$0 : $0 >= size ? 2 * (size - 1) - $0 : $0
        }
        y = try y.gathered(indices, axis: axis)
      }
      return y
    default: throw HostError("ValueError", "padded: mode must be .constant or .reflect")
    }
  }

  static func tile(_ x: Variable, _ multiples: [Int]) throws -> Variable {
    for m in multiples {
      try ArgumentLimits.check(m, "multiples", in: 0...ArgumentLimits.largestSize)
    }
    guard multiples.count <= ArgumentLimits.largestRank else {
      throw HostError(
        "ValueError", "multiples must have at most \(ArgumentLimits.largestRank) entries")
    }
    var y = x
    if multiples.count > x.shape.count {
      y = try y.reshaped(Array(repeating: 1, count: multiples.count - x.shape.count) + x.shape)
    }
    let first = y.shape.count - multiples.count
    var total = y.value.count
    for m in multiples {
      total = total.multipliedReportingOverflow(by: m).overflow ? Int.max / 16 : total * m
    }
    try reserve(total, times: 1)
    // A zero multiple first: the intermediate results are then empty, never larger than the
    // (reserved) result, which a zero makes empty (fuzz find: [2, 2, 2, 65535] tiled by
    // [2, 2, 2, 46341, 0] built a 194-billion-element intermediate and aborted).
    let order = multiples.indices.sorted {
      (multiples[$0] == 0 ? 0 : 1, $0) < (multiples[$1] == 0 ? 0 : 1, $1)
    }
    for i in order where multiples[i] != 1 {
      let m = multiples[i]
      let size = y.shape[first + i]
      try reserve(size, times: m)  // the index list, large even when the tensor is empty
      y = try y.gathered((0..<m).flatMap { _ in 0..<size }, axis: first + i)
    }
    return y
  }

  /// The indices of the k largest (or smallest) values of every slice along `axis`, as Floats.
  static func topIndices(_ x: Tensor, k: Int, axis: Int, largest: Bool) throws -> Tensor {
    let shape = x.shape, size = shape[axis]
    var outShape = shape
    outShape[axis] = k
    // An empty tensor has no values to rank; the axes around `axis` may still be long.
    if x.count == 0 || k == 0 { return try Tensor(shape: outShape, scalars: []) }
    let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
    let values = x.scalars
    var out = [Float](repeating: 0, count: outer * k * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        func value(_ j: Int) -> Float { values[(o * size + j) * inner + i] }
        // NaN counts as the largest value (as PyTorch's topk); ties keep the lower index first.
        func key(_ j: Int) -> (Int, Float) { value(j).isNaN ? (1, 0) : (0, value(j)) }
        let order = (0..<size).sorted { p, q in
          let (u, v) = (key(p), key(q))
          return u == v ? p < q : (largest ? u > v : u < v)
        }
        for j in 0..<k { out[(o * k + j) * inner + i] = Float(order[j]) }
      }
    }
    return try Tensor(shape: outShape, scalars: out)
  }
}
