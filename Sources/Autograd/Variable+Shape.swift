import Tensor

/// Movement ops: their gradients move the gradient back the same way.
extension Variable {
  /// Same values, new shape (one -1 inferred).
  public func reshaped(_ shape: [Int]) throws -> Variable {
    let old = self.shape
    return Variable.op(try value.reshaped(shape), [self]) { [try $0.reshaped(old)] }
  }

  /// [N, …] → [N, rest] from `startAxis` on (the Flatten layer).
  public func flattened(startAxis: Int = 1) throws -> Variable {
    let old = shape
    return Variable.op(try value.flattened(startAxis: startAxis), [self]) { [try $0.reshaped(old)] }
  }

  /// Axes reordered (output axis i is input axis `axes[i]`).
  public func permuted(_ axes: [Int]) throws -> Variable {
    let out = try value.permuted(axes)
    let norm = axes.map { $0 < 0 ? $0 + shape.count : $0 }
    var inverse = [Int](repeating: 0, count: norm.count)
    for (i, a) in norm.enumerated() { inverse[a] = i }
    return Variable.op(out, [self]) { [try $0.permuted(inverse)] }
  }

  /// The last two axes swapped.
  public func transposed() -> Variable {
    Variable.op(value.transposed(), [self]) { [$0.transposed()] }
  }

  /// A size-1 axis removed (internal helper for vector matmul).
  func squeezingAxis(_ axis: Int) throws -> Variable {
    let old = shape
    return Variable.op(try value.squeezed(axes: [axis]), [self]) { [try $0.reshaped(old)] }
  }

  /// Rows `range` along `axis` (e.g. U-Net's centre crop); the gradient is zero elsewhere.
  public func slice(axis: Int, _ range: Range<Int>) throws -> Variable {
    let old = shape
    let a = axis < 0 ? axis + old.count : axis
    let out = try value.slice(axis: a, range)
    return Variable.op(out, [self]) { g in
      var pads = [(before: Int, after: Int)](repeating: (0, 0), count: old.count)
      pads[a] = (range.lowerBound, old[a] - range.upperBound)
      return [try g.padded(pads)]
    }
  }

  /// Padded with `value`; `padding[i]` = (before, after) for the last `padding.count` axes.
  public func padded(_ padding: [(before: Int, after: Int)], value fill: Float = 0) throws
    -> Variable
  {
    let old = shape
    let out = try value.padded(padding, value: fill)
    return Variable.op(out, [self]) { g in
      let full = Array(repeating: (before: 0, after: 0), count: old.count - padding.count) + padding
      var idx: [TensorIndex] = []
      for (i, p) in full.enumerated() {
        idx.append(.range(start: p.before, end: p.before + old[i], step: 1))
      }
      return [try g.indexed(idx)]
    }
  }
}

/// Variables joined along `axis` (e.g. U-Net skip connections on channels).
public func concat(_ parts: [Variable], axis: Int = 0) throws -> Variable {
  let out = try Tensor.concat(parts.map(\.value), axis: axis)
  let a = axis < 0 ? axis + out.rank : axis
  let sizes = parts.map { $0.shape[a] }
  return Variable.op(out, parts) { g in try g.split(sizes: sizes, axis: a).map { Optional($0) } }
}
