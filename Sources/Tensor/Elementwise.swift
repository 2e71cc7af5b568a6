/// The loops behind elementwise math: unary maps and NumPy-style broadcasting binary ops.
enum Elementwise {
  /// Applies `f` to every element; large tensors are split over threads in fixed chunks.
  @inline(__always)
  static func map(_ x: Tensor, _ f: (Float) -> Float) -> Tensor {
    let n = x.count
    return x.withUnsafeBufferPointer { src in
      Tensor.build(x.shape) { dst in
        let s = src.baseAddress, d = dst.baseAddress
        chunked(n) { lo, hi in
          for i in lo..<hi { d.unsafelyUnwrapped[i] = f(s.unsafelyUnwrapped[i]) }
        }
      }
    }
  }

  /// Runs `body(lo, hi)` over `0..<n` in chunks of 16,384 elements, in parallel when large.
  @inline(__always)
  static func chunked(_ n: Int, _ body: (Int, Int) -> Void) {
    let chunk = 1 << 14
    let chunks = (n + chunk - 1) / chunk
    if chunks <= 1 {
      body(0, n)
      return
    }
    // Elementwise work is short; an interrupt is polled by the callers' outer loops instead.
    try? Threading.forEachChunk(chunks, parallel: Threading.worthParallel(n)) { c in
      body(c * chunk, min(n, (c + 1) * chunk))
    }
  }

  /// Combines `a` and `b` elementwise after broadcasting them to a common shape.
  @inline(__always)
  static func zip(
    _ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float
  ) throws(TensorError) -> Tensor {
    if a.shape == b.shape {
      return a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          Tensor.build(a.shape) { dst in
            let x = pa.baseAddress, y = pb.baseAddress, d = dst.baseAddress
            chunked(a.count) { lo, hi in
              for i in lo..<hi {
                d.unsafelyUnwrapped[i] = f(x.unsafelyUnwrapped[i], y.unsafelyUnwrapped[i])
              }
            }
          }
        }
      }
    }
    let outShape = try Shape.broadcast(a.shape, b.shape)
    // An empty result is made at once: its other axes may be long enough that the plan's strides
    // (products of axis lengths) overflow ([1, 0, 2, 3, Int.max]).
    guard try Shape.checkedCount(outShape) > 0 else { return Tensor.build(outShape) { _ in } }
    if b.count == 1, outShape == a.shape {
      let s = b.scalars[0]
      return map(a) { f($0, s) }
    }
    if a.count == 1, outShape == b.shape {
      let s = a.scalars[0]
      return map(b) { f(s, $0) }
    }
    let plan = BroadcastPlan(shape: outShape, a.shape, b.shape)
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        Tensor.build(outShape) { dst in
          plan.run { o, ia, ib, n, sa, sb in
            let x = pa.baseAddress.unsafelyUnwrapped, y = pb.baseAddress.unsafelyUnwrapped
            let d = dst.baseAddress.unsafelyUnwrapped
            if sa == 1 && sb == 1 {
              for i in 0..<n { d[o + i] = f(x[ia + i], y[ib + i]) }
            } else if sb == 0 {
              let v = y[ib]
              for i in 0..<n { d[o + i] = f(x[ia + i * sa], v) }
            } else if sa == 0 {
              let v = x[ia]
              for i in 0..<n { d[o + i] = f(v, y[ib + i * sb]) }
            } else {
              for i in 0..<n { d[o + i] = f(x[ia + i * sa], y[ib + i * sb]) }
            }
          }
        }
      }
    }
  }
}

/// Iteration order for a broadcast binary op: dimensions merged where both operands are
/// contiguous (or both stretched), then rows of the innermost merged dimension.
struct BroadcastPlan {
  var dims: [Int] = []
  var stridesA: [Int] = []
  var stridesB: [Int] = []

  init(shape: [Int], _ a: [Int], _ b: [Int]) {
    let sa = Shape.broadcastStrides(a, to: shape)
    let sb = Shape.broadcastStrides(b, to: shape)
    for i in 0..<shape.count where shape[i] != 1 {
      if let last = dims.indices.last,
        stridesA[last] == sa[i] * shape[i], stridesB[last] == sb[i] * shape[i]
      {
        dims[last] *= shape[i]
        stridesA[last] = sa[i]
        stridesB[last] = sb[i]
      } else {
        dims.append(shape[i])
        stridesA.append(sa[i])
        stridesB.append(sb[i])
      }
    }
    if dims.isEmpty {
      dims = [1]
      stridesA = [0]
      stridesB = [0]
    }
  }

  /// Calls `row(outOffset, aOffset, bOffset, length, aStride, bStride)` for every inner row.
  @inline(__always)
  func run(_ row: (Int, Int, Int, Int, Int, Int) -> Void) {
    let r = dims.count
    let inner = dims[r - 1], ia = stridesA[r - 1], ib = stridesB[r - 1]
    var index = [Int](repeating: 0, count: r)
    var offA = 0, offB = 0, out = 0
    let rows = Shape.count(dims) / max(inner, 1)
    for _ in 0..<rows {
      row(out, offA, offB, inner, ia, ib)
      out += inner
      var k = r - 2
      while k >= 0 {
        index[k] += 1
        offA += stridesA[k]
        offB += stridesB[k]
        if index[k] < dims[k] { break }
        offA -= stridesA[k] * dims[k]
        offB -= stridesB[k] * dims[k]
        index[k] = 0
        k -= 1
      }
    }
  }
}
