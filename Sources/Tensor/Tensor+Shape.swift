/// Reshaping and reordering axes.
extension Tensor {
  /// The same values with a new shape; one dimension may be -1 and is then inferred.
  public func reshaped(_ newShape: [Int]) throws(TensorError) -> Tensor {
    let inferred = newShape.indices.filter { newShape[$0] == -1 }
    guard inferred.count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
      throw .invalidShape("reshape to \(newShape): at most one -1 and no other negative size")
    }
    var shape = newShape
    if let i = inferred.first {
      let known = newShape.filter { $0 != -1 }.reduce(1, *)
      guard known > 0, count % known == 0 else {
        throw .shapeMismatch("cannot reshape \(self.shape) (\(count) values) to \(newShape)")
      }
      shape[i] = count / known
    }
    guard Shape.count(shape) == count else {
      throw .shapeMismatch("cannot reshape \(self.shape) (\(count) values) to \(newShape)")
    }
    return Tensor(uncheckedShape: shape, scalars: scalars)
  }

  /// Collapses axes `startAxis...` into one: [N, C, H, W] → [N, C·H·W] by default.
  public func flattened(startAxis: Int = 1) throws(TensorError) -> Tensor {
    let a = try Shape.axis(startAxis, rank: rank)
    return try reshaped(Array(shape[..<a]) + [Shape.count(Array(shape[a...]))])
  }

  /// Axes reordered: output axis i is input axis `axes[i]`.
  public func permuted(_ axes: [Int]) throws(TensorError) -> Tensor {
    let norm = try axes.map { (a: Int) throws(TensorError) in try Shape.axis(a, rank: rank) }
    guard norm.count == rank, Set(norm).count == rank else {
      throw .invalidArgument(
        "permutation \(axes) is not a permutation of the \(rank) axes of \(shape)")
    }
    if norm == Array(0..<rank) { return self }
    let inStrides = Shape.strides(shape)
    let outShape = norm.map { shape[$0] }
    let strides = norm.map { inStrides[$0] }
    return Movement.gather(self, shape: outShape, strides: strides, offset: 0)
  }

  /// The last two axes swapped (a matrix transpose for rank 2); rank < 2 is returned unchanged.
  public func transposed() -> Tensor {
    guard rank >= 2 else { return self }
    var axes = Array(0..<rank)
    axes.swapAt(rank - 1, rank - 2)
    return (try? permuted(axes)) ?? self
  }

  /// Axes `a` and `b` swapped.
  public func transposed(_ a: Int, _ b: Int) throws(TensorError) -> Tensor {
    var axes = Array(0..<rank)
    axes.swapAt(try Shape.axis(a, rank: rank), try Shape.axis(b, rank: rank))
    return try permuted(axes)
  }

  /// A size-1 axis inserted at `axis` (0...rank).
  public func expandingShape(at axis: Int) throws(TensorError) -> Tensor {
    let a = axis < 0 ? axis + rank + 1 : axis
    guard a >= 0, a <= rank else {
      throw .invalidArgument("axis \(axis) out of range for rank \(rank)")
    }
    var s = shape
    s.insert(1, at: a)
    return Tensor(uncheckedShape: s, scalars: scalars)
  }

  /// Size-1 axes removed (only `axes` when given).
  public func squeezed(axes: [Int]? = nil) throws(TensorError) -> Tensor {
    let drop = try Shape.axes(axes ?? shape.indices.filter { shape[$0] == 1 }, rank: rank)
    guard drop.allSatisfy({ shape[$0] == 1 }) else {
      throw .invalidArgument("squeeze axes \(drop) of shape \(shape) are not all of size 1")
    }
    return Tensor(
      uncheckedShape: shape.indices.filter { !drop.contains($0) }.map { shape[$0] },
      scalars: scalars)
  }
}

/// Strided copies: permutations and slices are both gathers of a strided view.
enum Movement {
  /// Steps the odometer `index` over all axes but the last (row-major) and moves the strided
  /// position `pos` with it: the walk of every strided copy, gather and scatter.
  @inline(__always)
  static func advance(_ index: inout [Int], _ pos: inout Int, shape: [Int], strides: [Int]) {
    var k = shape.count - 2
    while k >= 0 {
      index[k] += 1
      pos += strides[k]
      if index[k] < shape[k] { return }
      pos -= strides[k] * shape[k]
      index[k] = 0
      k -= 1
    }
  }

  /// Copies the strided view (`shape`, `strides` in elements, `offset`) of `x` into a new tensor.
  static func gather(_ x: Tensor, shape: [Int], strides: [Int], offset: Int) -> Tensor {
    let r = shape.count
    let n = Shape.count(shape)
    if n == 0 { return Tensor(uncheckedShape: shape, scalars: []) }
    if r == 0 { return Tensor(uncheckedShape: [], scalars: [x.scalars[offset]]) }
    return x.withUnsafeBufferPointer { src in
      Tensor.build(shape) { dst in
        let s = src.baseAddress.unsafelyUnwrapped, d = dst.baseAddress.unsafelyUnwrapped
        let inner = shape[r - 1], step = strides[r - 1]
        var index = [Int](repeating: 0, count: r)
        var pos = offset, out = 0
        for _ in 0..<(n / inner) {
          if step == 1 {
            (d + out).update(from: s + pos, count: inner)
          } else {
            for i in 0..<inner { d[out + i] = s[pos + i * step] }
          }
          out += inner
          advance(&index, &pos, shape: shape, strides: strides)
        }
      }
    }
  }
}
