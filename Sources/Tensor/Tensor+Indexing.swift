/// One entry of a multi-axis index: a position (drops the axis), a strided range, or the whole axis.
public enum TensorIndex: Sendable, Hashable {
  /// One position along the axis; negative counts from the end; the axis is removed.
  case at(Int)
  /// Positions `start, start+step, …` below `end` (nil: the axis' bounds; negatives from the end).
  case range(start: Int?, end: Int?, step: Int)
  /// The whole axis.
  case all
}

extension Tensor {
  /// The sub-tensor at `index` along the first axis (negative from the end).
  public subscript(_ index: Int) -> Tensor {
    get throws(TensorError) { try indexed([.at(index)]) }
  }

  /// The slice `range` along the first axis.
  public subscript(_ range: Range<Int>) -> Tensor {
    get throws(TensorError) {
      try indexed([.range(start: range.lowerBound, end: range.upperBound, step: 1)])
    }
  }

  /// Positions along the first axes (fewer indices than axes leave the rest whole).
  public subscript(_ indices: Int...) -> Tensor {
    get throws(TensorError) { try indexed(indices.map { .at($0) }) }
  }

  /// Rows `range` along `axis`.
  public func slice(axis: Int, _ range: Range<Int>) throws(TensorError) -> Tensor {
    let a = try Shape.axis(axis, rank: rank)
    var idx = [TensorIndex](repeating: .all, count: rank)
    idx[a] = .range(start: range.lowerBound, end: range.upperBound, step: 1)
    return try indexed(idx)
  }

  /// The general indexer behind the subscripts: one `TensorIndex` per leading axis.
  public func indexed(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
    guard indices.count <= rank else {
      throw .indexOutOfRange(
        "\(indices.count) indices for a tensor of rank \(rank) (shape \(shape))")
    }
    let inStrides = Shape.strides(shape)
    var outShape: [Int] = [], outStrides: [Int] = [], offset = 0
    for axis in 0..<rank {
      let dim = shape[axis]
      switch axis < indices.count ? indices[axis] : .all {
      case .all:
        outShape.append(dim)
        outStrides.append(inStrides[axis])
      case .at(let i):
        let p = i < 0 ? i + dim : i
        guard p >= 0, p < dim else {
          throw .indexOutOfRange("index \(i) is out of range for axis \(axis) of size \(dim)")
        }
        offset += p * inStrides[axis]
      case .range(let start, let end, let step):
        guard step != 0 else { throw .invalidArgument("a slice step cannot be 0") }
        let (first, n) = Tensor.sliceBounds(start, end, step, dim)
        offset += first * inStrides[axis]
        outShape.append(n)
        outStrides.append(step * inStrides[axis])
      }
    }
    return Movement.gather(self, shape: outShape, strides: outStrides, offset: n0(offset, outShape))
  }

  private func n0(_ offset: Int, _ shape: [Int]) -> Int { Shape.count(shape) == 0 ? 0 : offset }

  /// Python-style clamping of a slice to an axis: the first position and how many are taken.
  static func sliceBounds(_ start: Int?, _ end: Int?, _ step: Int, _ dim: Int) -> (Int, Int) {
    func norm(_ v: Int?, _ dflt: Int, _ lo: Int, _ hi: Int) -> Int {
      guard var v else { return dflt }
      if v < 0 { v += dim }
      return Swift.min(Swift.max(v, lo), hi)
    }
    if step > 0 {
      let s = norm(start, 0, 0, dim), e = norm(end, dim, 0, dim)
      return (s, e > s ? (e - s + step - 1) / step : 0)
    }
    let s = norm(start, dim - 1, -1, dim - 1), e = norm(end, -1, -1, dim - 1)
    return (Swift.max(s, 0), s > e ? (s - e - step - 1) / -step : 0)
  }
}

/// Joining, splitting and padding.
extension Tensor {
  /// Tensors joined along an existing `axis`; other axes must agree.
  public static func concat(_ tensors: [Tensor], axis: Int = 0) throws(TensorError) -> Tensor {
    guard let first = tensors.first else {
      throw .invalidArgument("concat needs at least one tensor")
    }
    let a = try Shape.axis(axis, rank: first.rank)
    for t in tensors
    where t.rank != first.rank || t.shape[..<a] != first.shape[..<a]
      || t.shape[(a + 1)...] != first.shape[(a + 1)...]
    {
      throw .shapeMismatch(
        "concat along axis \(axis): shapes \(tensors.map(\.shape)) differ off that axis")
    }
    var outShape = first.shape
    outShape[a] = tensors.reduce(0) { $0 + $1.shape[a] }
    _ = try Shape.checkedCount(outShape)
    let outer = Shape.count(Array(first.shape[..<a]))
    let inner = Shape.count(Array(first.shape[(a + 1)...]))
    var out: [Float] = []
    out.reserveCapacity(Shape.count(outShape))
    for o in 0..<outer {
      for t in tensors {
        let block = t.shape[a] * inner
        out.append(contentsOf: t.scalars[(o * block)..<((o + 1) * block)])
      }
    }
    return Tensor(uncheckedShape: outShape, scalars: out)
  }

  /// Tensors of equal shape joined along a new `axis`.
  public static func stack(_ tensors: [Tensor], axis: Int = 0) throws(TensorError) -> Tensor {
    guard let first = tensors.first else {
      throw .invalidArgument("stack needs at least one tensor")
    }
    guard tensors.allSatisfy({ $0.shape == first.shape }) else {
      throw .shapeMismatch("stack needs equal shapes, got \(tensors.map(\.shape))")
    }
    let expanded = try tensors.map { (t: Tensor) throws(TensorError) in
      try t.expandingShape(at: axis)
    }
    return try concat(expanded, axis: axis < 0 ? axis + first.rank + 1 : axis)
  }

  /// Pieces of the given `sizes` along `axis` (they must add up to the axis size).
  public func split(sizes: [Int], axis: Int = 0) throws(TensorError) -> [Tensor] {
    let a = try Shape.axis(axis, rank: rank)
    guard sizes.allSatisfy({ $0 >= 0 && $0 <= shape[a] }), sizes.reduce(0, +) == shape[a] else {
      throw .invalidArgument(
        "split sizes \(sizes) do not add up to \(shape[a]) (axis \(axis) of \(shape))")
    }
    var start = 0
    var parts: [Tensor] = []
    for s in sizes {
      parts.append(try slice(axis: a, start..<(start + s)))
      start += s
    }
    return parts
  }

  /// `count` equal pieces along `axis` (the axis size must divide evenly).
  public func split(count: Int, axis: Int = 0) throws(TensorError) -> [Tensor] {
    let a = try Shape.axis(axis, rank: rank)
    guard count > 0, shape[a] % count == 0 else {
      throw .invalidArgument(
        "cannot split axis \(axis) of size \(shape[a]) into \(count) equal parts")
    }
    return try split(sizes: Array(repeating: shape[a] / count, count: count), axis: a)
  }

  /// Padded with `value`: `padding[i]` = (before, after) for axis `rank - padding.count + i`,
  /// so `[(1, 1), (2, 2)]` pads the last two axes (H and W of an NCHW tensor).
  public func padded(_ padding: [(before: Int, after: Int)], value: Float = 0) throws(TensorError)
    -> Tensor
  {
    guard padding.count <= rank, padding.allSatisfy({ $0.before >= 0 && $0.after >= 0 }) else {
      throw .invalidArgument("padding needs at most \(rank) non-negative (before, after) pairs")
    }
    let full = Array(repeating: (before: 0, after: 0), count: rank - padding.count) + padding
    let outShape = shape.indices.map { shape[$0] + full[$0].before + full[$0].after }
    var out = try Tensor(repeating: value, shape: outShape)
    if count == 0 { return out }
    let outStrides = Shape.strides(outShape)
    let offset = full.indices.reduce(0) { $0 + full[$1].before * outStrides[$1] }
    out.scatter(self, strides: outStrides, offset: offset)
    return out
  }

  /// Writes `source` into the strided view (`strides`, `offset`) of self (the inverse of gather).
  mutating func scatter(_ source: Tensor, strides: [Int], offset: Int) {
    let shape = source.shape, r = shape.count
    let inner = shape[r - 1], n = source.count
    source.withUnsafeBufferPointer { src in
      withUnsafeMutableBufferPointer { dst in
        let s = src.baseAddress.unsafelyUnwrapped, d = dst.baseAddress.unsafelyUnwrapped
        var index = [Int](repeating: 0, count: r)
        var pos = offset, at = 0
        for _ in 0..<(n / inner) {
          for i in 0..<inner { d[pos + i * strides[r - 1]] = s[at + i] }
          at += inner
          Movement.advance(&index, &pos, shape: shape, strides: strides)
        }
      }
    }
  }
}
