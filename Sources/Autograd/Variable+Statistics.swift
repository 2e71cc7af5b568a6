import Tensor

/// Reductions beyond sum and mean, each with its gradient.
extension Variable {
  /// Largest value over `axes`; the gradient is shared equally by the elements equal to the maximum.
  public func max(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    try extremum(try value.max(axes: axes, keepingDims: true), axes: axes, keepingDims: keepingDims)
  }

  /// Smallest value over `axes`; the gradient is shared equally by the elements equal to the minimum.
  public func min(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    try extremum(try value.min(axes: axes, keepingDims: true), axes: axes, keepingDims: keepingDims)
  }

  private func extremum(_ kept: Tensor, axes: [Int]?, keepingDims: Bool) throws -> Variable {
    let x = value
    let hits = try x .== kept.broadcasted(to: x.shape)
    let share = try hits / (try hits.sum(axes: axes, keepingDims: true)).broadcasted(to: x.shape)
    let out = keepingDims ? kept : try kept.reshaped(try x.sum(axes: axes).shape)
    return Variable.op(out, [self]) { g in
      [try g.reshaped(kept.shape).broadcasted(to: x.shape) * share]
    }
  }

  /// Product over `axes`; ∂/∂x_i is the product of the other elements (exact with zeros too).
  public func product(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    let x = value
    let out = try x.product(axes: axes, keepingDims: keepingDims)
    let kept = try x.sum(axes: axes, keepingDims: true).shape
    return Variable.op(out, [self]) { g in
      [
        try g.reshaped(kept).broadcasted(to: x.shape)
          * (try Variable.productOfOthers(x, axes: axes))
      ]
    }
  }

  /// For every element, the product of the other elements of its reduction group (prefix × suffix).
  static func productOfOthers(_ x: Tensor, axes: [Int]?) throws -> Tensor {
    let rank = x.rank
    let reduced = (axes ?? Array(0..<rank)).map { $0 < 0 ? $0 + rank : $0 }
    let order = (0..<rank).filter { !reduced.contains($0) } + reduced.sorted()
    var inverse = [Int](repeating: 0, count: rank)
    for (i, a) in order.enumerated() { inverse[a] = i }
    let moved = try x.permuted(order)
    let r = reduced.reduce(1) { $0 * x.shape[$1] }
    let rows = Swift.max(x.count / Swift.max(r, 1), 1)
    var out = [Float](repeating: 1, count: moved.count)
    let s = moved.scalars
    for row in 0..<rows where r > 0 {
      var prefix: Float = 1
      for k in 0..<r {
        out[row * r + k] = prefix
        prefix *= s[row * r + k]
      }
      var suffix: Float = 1
      for k in stride(from: r - 1, through: 0, by: -1) {
        out[row * r + k] *= suffix
        suffix *= s[row * r + k]
      }
    }
    return try Tensor(shape: moved.shape, scalars: out).permuted(inverse)
  }

  /// Running sum along `axis`; the gradient is the running sum of the gradient in reverse.
  public func cumulativeSum(axis: Int, reverse: Bool = false) throws -> Variable {
    let out = try value.cumulativeSum(axis: axis, reverse: reverse)
    return Variable.op(out, [self]) { g in [try g.cumulativeSum(axis: axis, reverse: !reverse)] }
  }

  /// Variance over `axes`: mean((x − mean x)²), divided by n − 1 when `unbiased` (composed ops).
  public func variance(axes: [Int]? = nil, keepingDims: Bool = false, unbiased: Bool = false) throws
    -> Variable
  {
    let centered = try self - (try mean(axes: axes, keepingDims: true))
    let total = try centered.squared().sum(axes: axes, keepingDims: keepingDims)
    let n = value.count / Swift.max(total.value.count, 1)
    return total * (1 / Float(Swift.max(unbiased ? n - 1 : n, 1)))
  }

  /// √variance over `axes` (composed ops).
  public func standardDeviation(
    axes: [Int]? = nil, keepingDims: Bool = false, unbiased: Bool = false
  ) throws -> Variable {
    try variance(axes: axes, keepingDims: keepingDims, unbiased: unbiased).sqrt()
  }

  /// The Euclidean (L2) norm √Σx² over `axes` (composed ops).
  public func norm(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    try squared().sum(axes: axes, keepingDims: keepingDims).sqrt()
  }
}
