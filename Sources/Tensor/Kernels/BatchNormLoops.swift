/// The per-channel loops of batch norm on NCHW tensors: eight lanes at a time, channels spread
/// over threads (one channel is one chunk, so results do not depend on the thread count).
enum BatchNormLoops {
  /// Runs `body(channel)` for every channel, in parallel when the tensor is large.
  @inline(__always)
  static func perChannel(n: Int, c: Int, hw: Int, _ body: (Int) -> Void) {
    // Batch norm is short next to the convolutions around it; interrupts are polled there.
    try? Threading.forEachChunk(c, parallel: Threading.worthParallel(n * c * hw), body)
  }

  /// Mean of channel `ch` over N, H, W and the sum of squared deviations from it (two passes;
  /// each plane summed in eight Float lanes, planes added in Double).
  @inline(__always)
  static func meanAndSquares(_ x: UnsafePointer<Float>, n: Int, c: Int, hw: Int, channel ch: Int)
    -> (Double, Double)
  {
    var s = 0.0
    for img in 0..<n { s += Double(planeSum(x + (img * c + ch) * hw, hw)) }
    let mu = s / Double(n * hw)
    var ss = 0.0
    for img in 0..<n { ss += Double(planeSquares(x + (img * c + ch) * hw, hw, mean: Float(mu))) }
    return (mu, ss)
  }

  /// Σ p[i] over `count` floats.
  @inline(__always)
  static func planeSum(_ p: UnsafePointer<Float>, _ count: Int) -> Float {
    var acc = F8(), i = 0
    while i + 8 <= count {
      acc += VectorMath.load(p + i)
      i += 8
    }
    var tail: Float = 0
    while i < count {
      tail += p[i]
      i += 1
    }
    return acc.sum() + tail
  }

  /// Σ(p[i] − mean)² over `count` floats.
  @inline(__always)
  static func planeSquares(_ p: UnsafePointer<Float>, _ count: Int, mean: Float) -> Float {
    var acc = F8(), i = 0
    while i + 8 <= count {
      let d = VectorMath.load(p + i) - mean
      acc += d * d
      i += 8
    }
    var tail: Float = 0
    while i < count {
      let d = p[i] - mean
      tail += d * d
      i += 1
    }
    return acc.sum() + tail
  }

  /// `y[i] = x[i]·scale + shift` for `count` floats, then `max(0, y)` with `relu` (lane for
  /// lane as `ReluKernel`: negatives become 0, −0 and NaN stay).
  @inline(__always)
  static func affine(
    _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ scale: Float, _ shift: Float,
    _ count: Int, relu: Bool
  ) {
    var i = 0
    while i + 8 <= count {
      let v = VectorMath.load(x + i) * scale + shift
      VectorMath.store(relu ? ReluKernel()(v) : v, y + i)
      i += 8
    }
    while i < count {
      let v = x[i] * scale + shift
      y[i] = relu && v < 0 ? 0 : v
      i += 1
    }
  }

  /// Σdy and Σdy·x̂ for channel `ch`, with x̂ = (x − mean)·invStd (dy masked by `mask`).
  @inline(__always)
  static func gradientSums(
    _ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, n: Int, c: Int, hw: Int, channel ch: Int,
    mean: Float, invStd: Float,
    mask: ReluMask?
  ) -> (Double, Double) {
    var sdy = 0.0, sdyx = 0.0
    for img in 0..<n {
      let base = (img * c + ch) * hw
      var a = F8(), b = F8(), i = 0
      while i + 8 <= hw {
        let g = ReluMask.apply(mask, VectorMath.load(dy + base + i), VectorMath.load(x + base + i))
        a += g
        b += g * ((VectorMath.load(x + base + i) - mean) * invStd)
        i += 8
      }
      var ta: Float = 0, tb: Float = 0
      while i < hw {
        let g = ReluMask.apply(mask, dy[base + i], x[base + i])
        ta += g
        tb += g * ((x[base + i] - mean) * invStd)
        i += 1
      }
      sdy += Double(a.sum() + ta)
      sdyx += Double(b.sum() + tb)
    }
    return (sdy, sdyx)
  }

  /// `dx = k·(dy − a − x̂·b)` with x̂ = (x − mean)·invStd, for `count` floats (a = b = 0 in
  /// evaluation; dy masked by `mask`).
  @inline(__always)
  static func inputGradient(
    _ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>,
    k: Float, a: Float, b: Float, mean: Float, invStd: Float, _ count: Int, mask: ReluMask?
  ) {
    var i = 0
    while i + 8 <= count {
      let xv = VectorMath.load(x + i), xh = (xv - mean) * invStd
      let g = ReluMask.apply(mask, VectorMath.load(dy + i), xv)
      VectorMath.store((g - a - xh * b) * k, dx + i)
      i += 8
    }
    while i < count {
      dx[i] = k * (ReluMask.apply(mask, dy[i], x[i]) - a - (x[i] - mean) * invStd * b)
      i += 1
    }
  }
}

/// The backward of a ReLU fused after batch norm: the ReLU's gradient passes where the batch
/// norm's output `y = x·scale + shift` is > 0 (recomputed with the forward's floats), lane for
/// lane as `ReluBackwardKernel` (0 where y ≤ 0; NaN passes).
struct ReluMask {
  let scale: Float, shift: Float

  @inline(__always)
  static func apply(_ mask: ReluMask?, _ dy: F8, _ x: F8) -> F8 {
    guard let mask else { return dy }
    return ReluBackwardKernel()(dy, x * mask.scale + mask.shift)
  }

  @inline(__always)
  static func apply(_ mask: ReluMask?, _ dy: Float, _ x: Float) -> Float {
    guard let mask else { return dy }
    return x * mask.scale + mask.shift <= 0 ? 0 : dy
  }
}
