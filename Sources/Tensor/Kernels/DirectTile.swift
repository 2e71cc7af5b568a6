/// The register tiles of the direct convolution: 4 output channels × 3 vectors of 8 floats,
/// twelve `SIMD8<Float>` accumulators that stay in ymm registers (vfmadd231ps).
enum DirectTile {
  /// Forward tile: for k < 4, j < 3,
  /// `acc[k][j] = Σ_c Σ_t w[c][t][k] · P[c·planeStride + tapOffset[t] + off_j ..< +8]`,
  /// then `out[k·ohw + outOff_j ..< +count_j] = acc[k][j] + bias[k]` for the first `outCount`
  /// channels (`count_j` ≤ 8 lanes; 0 skips the vector).
  @inline(__always)
  static func forward(
    _ p: UnsafePointer<Float>, _ off: (Int, Int, Int), _ w: UnsafePointer<Float>, inC: Int, taps: Int,
    tapOffset: UnsafePointer<Int>, planeStride: Int,
    out: UnsafeMutablePointer<Float>, ohw: Int, outOff: (Int, Int, Int), count: (Int, Int, Int),
    outCount: Int, bias: UnsafePointer<Float>?
  ) {
    var a0 = F8(), a1 = F8(), a2 = F8(), b0 = F8(), b1 = F8(), b2 = F8()
    var c0 = F8(), c1 = F8(), c2 = F8(), d0 = F8(), d1 = F8(), d2 = F8()
    let p0 = p + off.0, p1 = p + off.1, p2 = p + off.2
    var wk = w, base = 0
    for _ in 0..<inC {
      for t in 0..<taps {
        let o = base &+ tapOffset[t]
        let x0 = VectorMath.load(p0 + o), x1 = VectorMath.load(p1 + o), x2 = VectorMath.load(p2 + o)
        var s = F8(repeating: wk[0])
        a0 = a0.addingProduct(x0, s); a1 = a1.addingProduct(x1, s); a2 = a2.addingProduct(x2, s)
        s = F8(repeating: wk[1])
        b0 = b0.addingProduct(x0, s); b1 = b1.addingProduct(x1, s); b2 = b2.addingProduct(x2, s)
        s = F8(repeating: wk[2])
        c0 = c0.addingProduct(x0, s); c1 = c1.addingProduct(x1, s); c2 = c2.addingProduct(x2, s)
        s = F8(repeating: wk[3])
        d0 = d0.addingProduct(x0, s); d1 = d1.addingProduct(x1, s); d2 = d2.addingProduct(x2, s)
        wk += 4
      }
      base &+= planeStride
    }
    @inline(__always) func put(_ v: F8, _ k: Int, _ dst: Int, _ n: Int) {
      guard k < outCount, n > 0 else { return }
      let r = v + (bias?[k] ?? 0), q = out + (k &* ohw &+ dst)
      if n == 8 { VectorMath.store(r, q) } else { VectorMath.storePartial(r, q, n) }
    }
    put(a0, 0, outOff.0, count.0); put(a1, 0, outOff.1, count.1); put(a2, 0, outOff.2, count.2)
    put(b0, 1, outOff.0, count.0); put(b1, 1, outOff.1, count.1); put(b2, 1, outOff.2, count.2)
    put(c0, 2, outOff.0, count.0); put(c1, 2, outOff.1, count.1); put(c2, 2, outOff.2, count.2)
    put(d0, 3, outOff.0, count.0); put(d1, 3, outOff.1, count.1); put(d2, 3, outOff.2, count.2)
  }

  /// Weight-gradient tile: for k < 4 output channels and j < 3 taps (plane offsets `tap_j`),
  /// `Σ_img Σ_y Σ_v dy[k][img][y][8v ..< 8v+8] · P[img][y·wp + 8v + tap_j ..< +8]`, summed
  /// over lanes; lane k·4 + j of the result. `dy` has zeros past each row's `ow`, so the
  /// padding lanes add nothing.
  @inline(__always)
  static func weight(
    _ p: UnsafePointer<Float>, imageFloats: Int, _ dy: UnsafePointer<Float>, dyChannel: Int,
    taps tap: (Int, Int, Int), images: Int, rows: Int, vectorsPerRow: Int, wp: Int
  ) -> SIMD16<Float> {
    var a0 = F8(), a1 = F8(), a2 = F8(), b0 = F8(), b1 = F8(), b2 = F8()
    var c0 = F8(), c1 = F8(), c2 = F8(), d0 = F8(), d1 = F8(), d2 = F8()
    let q0 = dy, q1 = dy + dyChannel, q2 = q1 + dyChannel, q3 = q2 + dyChannel
    var pos = 0
    for img in 0..<images {
      var row = p + img &* imageFloats
      for _ in 0..<rows {
        let r0 = row + tap.0, r1 = row + tap.1, r2 = row + tap.2
        var v = 0
        for _ in 0..<vectorsPerRow {
          let x0 = VectorMath.load(r0 + v), x1 = VectorMath.load(r1 + v), x2 = VectorMath.load(r2 + v)
          var s = VectorMath.load(q0 + pos)
          a0 = a0.addingProduct(x0, s); a1 = a1.addingProduct(x1, s); a2 = a2.addingProduct(x2, s)
          s = VectorMath.load(q1 + pos)
          b0 = b0.addingProduct(x0, s); b1 = b1.addingProduct(x1, s); b2 = b2.addingProduct(x2, s)
          s = VectorMath.load(q2 + pos)
          c0 = c0.addingProduct(x0, s); c1 = c1.addingProduct(x1, s); c2 = c2.addingProduct(x2, s)
          s = VectorMath.load(q3 + pos)
          d0 = d0.addingProduct(x0, s); d1 = d1.addingProduct(x1, s); d2 = d2.addingProduct(x2, s)
          v &+= 8
          pos &+= 8
        }
        row += wp
      }
    }
    return SIMD16(
      a0.sum(), a1.sum(), a2.sum(), 0, b0.sum(), b1.sum(), b2.sum(), 0,
      c0.sum(), c1.sum(), c2.sum(), 0, d0.sum(), d1.sum(), d2.sum(), 0)
  }
}

extension DirectConv {
  /// Output tiles per block: the block's plane rows stay in cache while every output-channel
  /// tile passes over them.
  static let stripsPerBlock = 8

  /// Forward of `images` images whose planes are at `planes` ([image][inC] planes), with one
  /// group's packed weights: writes `out[img·outImageStride + o·oh·ow + y·ow + x]` (+ bias[o]).
  func forward(
    _ planes: UnsafePointer<Float>, images: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    out: UnsafeMutablePointer<Float>, outImageStride: Int
  ) {
    let perImage = oh * vectorsPerRow, total = images * perImage, strips = (total + 2) / 3
    let block = DirectConv.stripsPerBlock, ohw = oh * ow, t = taps
    withUnsafeTemporaryAllocation(of: Int.self, capacity: t + 9 * block) { buf in
      let tapOff = buf.baseAddress!, pOff = tapOff + t, oOff = pOff + 3 * block, cnt = oOff + 3 * block
      for i in 0..<t { tapOff[i] = tapOffset(i) }
      var s0 = 0
      while s0 < strips {
        let n = min(block, strips - s0)
        for i in 0..<(3 * n) {
          let vec = 3 * s0 + i
          if vec < total {
            let img = vec / perImage, r = vec % perImage, y = r / vectorsPerRow, x = (r % vectorsPerRow) * 8
            pOff[i] = img * imageFloats + y * wp + x
            oOff[i] = img * outImageStride + y * ow + x
            cnt[i] = min(8, ow - x)
          } else {
            (pOff[i], oOff[i], cnt[i]) = (pOff[i - i % 3], 0, 0)
          }
        }
        for ob in 0..<outBlocks {
          let wb = weights + ob * 4 * inC * t, ob4 = ob * 4
          for s in 0..<n {
            let j = 3 * s
            DirectTile.forward(
              planes, (pOff[j], pOff[j + 1], pOff[j + 2]), wb, inC: inC, taps: t, tapOffset: tapOff,
              planeStride: planeStride, out: out + ob4 * ohw, ohw: ohw,
              outOff: (oOff[j], oOff[j + 1], oOff[j + 2]), count: (cnt[j], cnt[j + 1], cnt[j + 2]),
              outCount: outC - ob4, bias: bias.map { $0 + ob4 })
          }
        }
        s0 += n
      }
    }
  }

  /// One group's weight gradient over `images` images: `dst[(o·inC + c)·taps + t]` =
  /// Σ dy[o] · P[c] shifted by tap t. `dy` is [outBlocks·4][images][oh][8·vectorsPerRow],
  /// zero past `ow` and past `outC`.
  func weightGradient(_ planes: UnsafePointer<Float>, images: Int, dy: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
    let t = taps, dyChannel = images * oh * vectorsPerRow * 8
    for ob in 0..<outBlocks {
      for c in 0..<inC {
        var t0 = 0
        while t0 < t {
          let o0 = tapOffset(t0), o1 = t0 + 1 < t ? tapOffset(t0 + 1) : 0, o2 = t0 + 2 < t ? tapOffset(t0 + 2) : 0
          let r = DirectTile.weight(
            planes + c * planeStride, imageFloats: imageFloats, dy + ob * 4 * dyChannel, dyChannel: dyChannel,
            taps: (o0, o1, o2), images: images, rows: oh, vectorsPerRow: vectorsPerRow, wp: wp)
          for k in 0..<min(4, outC - ob * 4) {
            for j in 0..<min(3, t - t0) { dst[((ob * 4 + k) * inC + c) * t + t0 + j] = r[k * 4 + j] }
          }
          t0 += 3
        }
      }
    }
  }
}
