import Tensor

extension Variable {
  /// Sum over `axes` (all when nil); the gradient is broadcast back.
  public func sum(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    let old = shape
    let out = try value.sum(axes: axes, keepingDims: keepingDims)
    let kept = try value.sum(axes: axes, keepingDims: true).shape
    return Variable.op(out, [self]) { g in [try g.reshaped(kept).broadcasted(to: old)] }
  }

  /// Mean over `axes` (all when nil); the gradient is broadcast back divided by the count.
  public func mean(axes: [Int]? = nil, keepingDims: Bool = false) throws -> Variable {
    let old = shape
    let out = try value.mean(axes: axes, keepingDims: keepingDims)
    let n = Float(Swift.max(value.count / Swift.max(out.count, 1), 1))
    let kept = try value.sum(axes: axes, keepingDims: true).shape
    return Variable.op(out, [self]) { g in [try g.reshaped(kept).broadcasted(to: old) * (1 / n)] }
  }
}
