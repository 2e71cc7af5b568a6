import Tensor

/// Shape ops beyond the movement ops: broadcasting, size-1 axes, stacking, splitting, masks.
extension Variable {
  /// Repeated along size-1 (or missing leading) axes to `shape`; the gradient is summed back.
  public func broadcasted(to shape: [Int]) throws -> Variable {
    let old = self.shape
    return Variable.op(try value.broadcasted(to: shape), [self]) { g in
      [try Gradient.reduce(g, to: old)]
    }
  }

  /// Size-1 axes removed (only `axes` when given).
  public func squeezed(axes: [Int]? = nil) throws -> Variable {
    let old = shape
    return Variable.op(try value.squeezed(axes: axes), [self]) { [try $0.reshaped(old)] }
  }

  /// A size-1 axis inserted at `axis` (0...rank, negative from the end).
  public func expandingShape(at axis: Int) throws -> Variable {
    let old = shape
    return Variable.op(try value.expandingShape(at: axis), [self]) { [try $0.reshaped(old)] }
  }

  /// Pieces of the given `sizes` along `axis` (differentiable slices).
  public func split(sizes: [Int], axis: Int = 0) throws -> [Variable] {
    let a = axis < 0 ? axis + shape.count : axis
    _ = try value.split(sizes: sizes, axis: a)
    var start = 0
    var parts: [Variable] = []
    for size in sizes {
      parts.append(try slice(axis: a, start..<(start + size)))
      start += size
    }
    return parts
  }

  /// The elements where `mask` is non-zero, in row-major order, as rank 1 (`mask` has this shape);
  /// the gradient is scattered back to those positions.
  public func masked(by mask: Tensor) throws -> Variable {
    guard mask.shape == shape else {
      throw TensorError.shapeMismatch(
        "a mask of shape \(mask.shape) cannot select from a tensor of shape \(shape)")
    }
    let positions = mask.scalars.indices.filter { mask.scalars[$0] != 0 }
    let x = value.scalars
    let out = try Tensor(shape: [positions.count], scalars: positions.map { x[$0] })
    let old = shape
    return Variable.op(out, [self]) { g in
      var full = [Float](repeating: 0, count: x.count)
      for (k, p) in positions.enumerated() { full[p] = g.scalars[k] }
      return [try Tensor(shape: old, scalars: full)]
    }
  }
}

/// Variables of equal shape joined along a new `axis`.
public func stack(_ parts: [Variable], axis: Int = 0) throws -> Variable {
  _ = try Tensor.stack(parts.map(\.value), axis: axis)
  let rank = parts.first.map { $0.shape.count } ?? 0
  let a = axis < 0 ? axis + rank + 1 : axis
  return try concat(try parts.map { try $0.expandingShape(at: a) }, axis: a)
}
