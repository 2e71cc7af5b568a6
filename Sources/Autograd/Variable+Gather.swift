import Tensor

/// Gathers by position: along one axis with one list of positions (reflect padding, repeat, tile,
/// strided and listed slices), or along an axis with an index tensor per slice (top-k). Their
/// gradients scatter back and add where a position was taken more than once.
extension Variable {
  /// `out[o, j, i] = x[o, indices[j], i]` for the axes before (o) and after (i) `axis`; the axis
  /// gets size `indices.count`. Every index must lie in `0..<shape[axis]`.
  public func gathered(_ indices: [Int], axis: Int) throws -> Variable {
    let old = shape
    let a = axis < 0 ? axis + old.count : axis
    guard a >= 0, a < old.count else {
      throw TensorError.invalidArgument("axis \(axis) is out of range for shape \(old)")
    }
    let size = old[a]
    guard indices.allSatisfy({ $0 >= 0 && $0 < size }) else {
      throw TensorError.indexOutOfRange(
        "a gathered position is out of range for axis \(a) of size \(size)")
    }
    var outShape = old
    outShape[a] = indices.count
    // Nothing to copy: the axes around `a` may still be long (a [65535, 5, 2³¹, 0] tensor), and
    // looping over them copying nothing would take days, their product could even overflow.
    if value.count == 0 || indices.isEmpty { return try Self.empty(outShape, from: self) }
    let outer = old[..<a].reduce(1, *), inner = old[(a + 1)...].reduce(1, *)
    let source = value.scalars
    var out = [Float](repeating: 0, count: outer * indices.count * inner)
    for o in 0..<outer {
      for (j, index) in indices.enumerated() {
        let from = (o * size + index) * inner, to = (o * indices.count + j) * inner
        for i in 0..<inner { out[to + i] = source[from + i] }
      }
    }
    return Variable.op(try Tensor(shape: outShape, scalars: out), [self]) { g in
      let upstream = g.scalars
      var grad = [Float](repeating: 0, count: outer * size * inner)
      for o in 0..<outer {
        for (j, index) in indices.enumerated() {
          let from = (o * indices.count + j) * inner, to = (o * size + index) * inner
          for i in 0..<inner { grad[to + i] += upstream[from + i] }
        }
      }
      return [try Tensor(shape: old, scalars: grad)]
    }
  }

  /// `out[o, j, i] = x[o, indices[o, j, i], i]` (NumPy's take_along_axis): `indices` has this
  /// shape except along `axis`, and whole numbers in `0..<shape[axis]`.
  public func taken(along axis: Int, indices: Tensor) throws -> Variable {
    let old = shape
    let a = axis < 0 ? axis + old.count : axis
    guard a >= 0, a < old.count, indices.rank == old.count,
      zip(indices.shape, old).enumerated().allSatisfy({
        $0.offset == a || $0.element.0 == $0.element.1
      })
    else {
      throw TensorError.shapeMismatch(
        "take along axis \(axis): indices \(indices.shape) do not fit \(old)")
    }
    let size = old[a], k = indices.shape[a]
    if indices.count == 0 { return try Self.empty(indices.shape, from: self) }
    let inner = old[(a + 1)...].reduce(1, *)
    let positions = try indices.scalars.map { value -> Int in
      guard value >= 0, value < Float(size), value == value.rounded() else {
        throw TensorError.indexOutOfRange(
          "index \(value) is out of range for axis \(a) of size \(size)")
      }
      return Int(value)
    }
    func source(_ n: Int) -> Int {
      let (o, rest) = n.quotientAndRemainder(dividingBy: k * inner)
      return (o * size + positions[n]) * inner + rest % inner
    }
    let x = value.scalars
    let out = (0..<positions.count).map { x[source($0)] }
    return Variable.op(try Tensor(shape: indices.shape, scalars: out), [self]) { g in
      var grad = [Float](repeating: 0, count: old.reduce(1, *))
      for (n, value) in g.scalars.enumerated() { grad[source(n)] += value }
      return [try Tensor(shape: old, scalars: grad)]
    }
  }

  /// A gather that selects nothing (or from nothing): zeros of `shape`, which has no elements, and
  /// a gradient of zeros of the source's shape (which has none either when the source is empty).
  static func empty(_ shape: [Int], from source: Variable) throws -> Variable {
    let old = source.shape
    return Variable.op(try Tensor(shape: shape, scalars: []), [source]) { _ in
      [try Tensor(repeating: 0, shape: old)]
    }
  }
}
