/// Reductions over chosen axes (all axes when `axes` is nil); negative axes count from the end.
extension Tensor {
  /// Sum over `axes`; with `keepingDims` the reduced axes stay as size 1.
  public func sum(axes: [Int]? = nil, keepingDims: Bool = false) throws(TensorError) -> Tensor {
    try Reduction.reduce(self, axes: axes, keepingDims: keepingDims, initial: 0, +)
  }

  /// Arithmetic mean over `axes`.
  public func mean(axes: [Int]? = nil, keepingDims: Bool = false) throws(TensorError) -> Tensor {
    let axes = try Shape.axes(axes, rank: rank)
    let n = axes.reduce(1) { $0 * shape[$1] }
    return try sum(axes: axes, keepingDims: keepingDims) * (1 / Float(Swift.max(n, 1)))
  }

  /// Largest value over `axes` (throws on an empty axis).
  public func max(axes: [Int]? = nil, keepingDims: Bool = false) throws(TensorError) -> Tensor {
    try Reduction.requireNonEmpty(self, axes, "max")
    return try Reduction.reduce(self, axes: axes, keepingDims: keepingDims, initial: -.infinity) {
      $0 >= $1 || $0.isNaN ? $0 : $1
    }
  }

  /// Smallest value over `axes` (throws on an empty axis).
  public func min(axes: [Int]? = nil, keepingDims: Bool = false) throws(TensorError) -> Tensor {
    try Reduction.requireNonEmpty(self, axes, "min")
    return try Reduction.reduce(self, axes: axes, keepingDims: keepingDims, initial: .infinity) {
      $0 <= $1 || $0.isNaN ? $0 : $1
    }
  }

  /// Variance over `axes`: mean of squared deviations, divided by n (or n − 1 when `unbiased`).
  public func variance(
    axes: [Int]? = nil, keepingDims: Bool = false, unbiased: Bool = false
  ) throws(TensorError) -> Tensor {
    let axes = try Shape.axes(axes, rank: rank)
    let n = axes.reduce(1) { $0 * shape[$1] }
    let centered = try self - mean(axes: axes, keepingDims: true)
    let ss = try centered.squared().sum(axes: axes, keepingDims: keepingDims)
    return ss * (1 / Float(Swift.max(unbiased ? n - 1 : n, 1)))
  }

  /// Index of the largest value along `axis` (first one on ties), as Float values; the axis is removed.
  public func argmax(axis: Int) throws(TensorError) -> Tensor {
    let a = try Shape.axis(axis, rank: rank)
    guard shape[a] > 0 else {
      throw .invalidArgument("argmax over an empty axis of shape \(shape)")
    }
    let outer = Shape.count(Array(shape[..<a])), r = shape[a],
      inner = Shape.count(Array(shape[(a + 1)...]))
    var outShape = shape
    outShape.remove(at: a)
    var out = [Float](repeating: 0, count: outer * inner)
    scalars.withUnsafeBufferPointer { x in
      for o in 0..<outer {
        for i in 0..<inner {
          var best = x[o * r * inner + i], bestIndex = 0
          for k in 1..<r {
            let v = x[(o * r + k) * inner + i]
            if v > best || (v.isNaN && !best.isNaN) {
              best = v
              bestIndex = k
            }
          }
          out[o * inner + i] = Float(bestIndex)
        }
      }
    }
    return Tensor(uncheckedShape: outShape, scalars: out)
  }

  /// `argmax(axis:)` as integers.
  public func argmaxIndices(axis: Int) throws(TensorError) -> [Int] {
    try argmax(axis: axis).scalars.map { Int($0) }
  }
}

/// The reduction loops: contiguous runs of axes collapse to one (outer, reduced, inner) pass.
enum Reduction {
  static func requireNonEmpty(_ x: Tensor, _ axes: [Int]?, _ name: String) throws(TensorError) {
    let axes = try Shape.axes(axes, rank: x.rank)
    if axes.contains(where: { x.shape[$0] == 0 }) || (x.count == 0 && axes.count == x.rank) {
      throw .invalidArgument("\(name) over an empty axis of shape \(x.shape)")
    }
  }

  @inline(__always)
  static func reduce(
    _ x: Tensor, axes: [Int]?, keepingDims: Bool, initial: Float, _ f: (Float, Float) -> Float
  ) throws(TensorError) -> Tensor {
    let axes = try Shape.axes(axes, rank: x.rank)
    var result = x
    var runs: [(Int, Int)] = []
    for a in axes {
      if let last = runs.last, last.1 == a {
        runs[runs.count - 1].1 = a + 1
      } else {
        runs.append((a, a + 1))
      }
    }
    for (lo, hi) in runs.reversed() {
      result = reduceRun(result, lo, hi, initial, f)
    }
    if !keepingDims {
      result.shape = x.shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    }
    return result
  }

  /// Reduces axes `lo..<hi` to size 1.
  @inline(__always)
  static func reduceRun(
    _ x: Tensor, _ lo: Int, _ hi: Int, _ initial: Float, _ f: (Float, Float) -> Float
  ) -> Tensor {
    let outer = Shape.count(Array(x.shape[..<lo]))
    let r = Shape.count(Array(x.shape[lo..<hi]))
    let inner = Shape.count(Array(x.shape[hi...]))
    var outShape = x.shape
    for i in lo..<hi { outShape[i] = 1 }
    return x.withUnsafeBufferPointer { src in
      Tensor.build(outShape) { dst in
        let s = src.baseAddress, d = dst.baseAddress.unsafelyUnwrapped
        for o in 0..<outer {
          let base = o * r * inner
          if inner == 1 {
            var acc = initial
            for k in 0..<r { acc = f(acc, s.unsafelyUnwrapped[base + k]) }
            d[o] = acc
          } else {
            let row = d + o * inner
            for i in 0..<inner { row[i] = initial }
            for k in 0..<r {
              let p = s.unsafelyUnwrapped + base + k * inner
              for i in 0..<inner { row[i] = f(row[i], p[i]) }
            }
          }
        }
      }
    }
  }
}
