/// Products, running sums and arg-minima, over chosen axes (negative axes count from the end).
extension Tensor {
  /// Product over `axes` (all when nil); the product of an empty axis is 1.
  public func product(axes: [Int]? = nil, keepingDims: Bool = false) throws(TensorError) -> Tensor {
    try Reduction.reduce(self, axes: axes, keepingDims: keepingDims, initial: 1, *)
  }

  /// Running sum along `axis`: out[…, k, …] = Σ_{j ≤ k} x[…, j, …] (Σ_{j ≥ k} when `reverse`).
  public func cumulativeSum(axis: Int, reverse: Bool = false) throws(TensorError) -> Tensor {
    let a = try Shape.axis(axis, rank: rank)
    let outer = Shape.count(Array(shape[..<a])), r = shape[a],
      inner = Shape.count(Array(shape[(a + 1)...]))
    var out = scalars
    out.withUnsafeMutableBufferPointer { x in
      for o in 0..<outer {
        for i in 0..<inner {
          var acc: Float = 0
          for step in 0..<r {
            let k = reverse ? r - 1 - step : step
            let p = (o * r + k) * inner + i
            acc += x[p]
            x[p] = acc
          }
        }
      }
    }
    return Tensor(uncheckedShape: shape, scalars: out)
  }

  /// Index of the smallest value along `axis` (first one on ties), as Float values; the axis is removed.
  public func argmin(axis: Int) throws(TensorError) -> Tensor {
    try (-self).argmax(axis: axis)
  }
}
