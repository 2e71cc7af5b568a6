import TensorAVX512

// Duplicates (`duplicates` pairs them): the five register tiles (ForwardTile512,
// WeightTile512, WideWeightTile512, DirectTile, DirectWeightTile) are two algorithms at two
// widths, mirrored by hand; one template and a generator with a freshness check is the remaining
// part of issue 14 (it needs quiet-machine benchmarks), until then a change to one must be made
// to its mirrors too (the bit-equality tests in TensorTests/DirectConvTests compare them).

/// The register tiles of the direct convolution: 4 output channels × 3 vectors of 8 floats,
/// twelve `SIMD8<Float>` accumulators that stay in ymm registers (vfmadd231ps).
enum DirectTile {
  /// Forward tile over one block of input channels: for k < 4, j < 3,
  /// `acc[k][j] += Σ_c Σ_t w[c][t][k] · P[c·channelStride + tapOffset[t] + off_j ..< +8]`,
  /// starting from zero (`first`) or from the 12 vectors at `partial`; then either saves them
  /// back to `partial`, or (`last`) writes `out[k·ohw + outOff_j ..< +count_j] = acc[k][j] +
  /// bias[k]` for the first `outCount` channels (`count_j` ≤ 8 lanes; 0 skips the vector).
  @inline(__always)
  static func forward(
    _ p: UnsafePointer<Float>, _ off: (Int, Int, Int), _ w: UnsafePointer<Float>, inC: Int, taps: Int,
    tapOffset: UnsafePointer<Int>, channelStride: Int, partial: UnsafeMutablePointer<Float>, first: Bool, last: Bool,
    out: UnsafeMutablePointer<Float>, ohw: Int, outOff: (Int, Int, Int), count: (Int, Int, Int),
    outCount: Int, bias: UnsafePointer<Float>?
  ) {
    var a0 = F8(), a1 = F8(), a2 = F8(), b0 = F8(), b1 = F8(), b2 = F8()
    var c0 = F8(), c1 = F8(), c2 = F8(), d0 = F8(), d1 = F8(), d2 = F8()
    if !first {
      (a0, a1, a2, b0, b1, b2, c0, c1, c2, d0, d1, d2) = TileAccumulators.load(partial)
    }
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
      base &+= channelStride
    }
    if !last {
      TileAccumulators.store((a0, a1, a2, b0, b1, b2, c0, c1, c2, d0, d1, d2), partial)
      return
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
}

/// The twelve 8-lane accumulators of a register tile (4 × 3), saved to and restored from the
/// 96 floats of a partial-sum slot between channel or row blocks.
enum TileAccumulators {
  typealias Twelve = (F8, F8, F8, F8, F8, F8, F8, F8, F8, F8, F8, F8)

  @inline(__always)
  static func load(_ q: UnsafePointer<Float>) -> Twelve {
    (VectorMath.load(q), VectorMath.load(q + 8), VectorMath.load(q + 16),
     VectorMath.load(q + 24), VectorMath.load(q + 32), VectorMath.load(q + 40),
     VectorMath.load(q + 48), VectorMath.load(q + 56), VectorMath.load(q + 64),
     VectorMath.load(q + 72), VectorMath.load(q + 80), VectorMath.load(q + 88))
  }

  @inline(__always)
  static func store(_ v: Twelve, _ q: UnsafeMutablePointer<Float>) {
    VectorMath.store(v.0, q); VectorMath.store(v.1, q + 8); VectorMath.store(v.2, q + 16)
    VectorMath.store(v.3, q + 24); VectorMath.store(v.4, q + 32); VectorMath.store(v.5, q + 40)
    VectorMath.store(v.6, q + 48); VectorMath.store(v.7, q + 56); VectorMath.store(v.8, q + 64)
    VectorMath.store(v.9, q + 72); VectorMath.store(v.10, q + 80); VectorMath.store(v.11, q + 88)
  }
}

extension DirectConv {
  /// Floats of one forward partial-sum slot: a tile's accumulators (96, or 384 wide).
  var forwardSlot: Int { ocBlock * vecBlock * 8 }

  /// Input channels per block: a block's plane rows and weights stay in L1 while every
  /// output-channel tile passes over them; partial sums wait in `partials` between blocks.
  var channelBlock: Int { min(inC, 16) }

  /// Tiles (`vecBlock` vectors each) per block of output positions: about 24 KiB of plane rows
  /// per channel block, at most 64.
  var stripsPerBlock: Int {
    let rows = max(1, (6 * 1024) / max(channelBlock * wp, 1) - (kh - 1) * dh)
    return min(64, max(1, rows * vectorsPerRow / vecBlock))
  }

  /// Output-channel tiles that share one pass over the channel blocks: their partial sums
  /// stay within about 128 KiB, in L2.
  var outBlocksPerGroup: Int { min(outBlocks, max(1, (32 * 1024) / (stripsPerBlock * forwardSlot))) }

  /// Floats of partial sums `forward` needs (0 with a single channel block).
  var partialFloats: Int { channelBlock < inC ? outBlocksPerGroup * stripsPerBlock * forwardSlot : 0 }

  /// Forward of `images` images whose planes are at `planes` ([inC][image] planes), with one
  /// group's packed weights: writes `out[img·outImageStride + o·oh·ow + y·ow + x]` (+ bias[o]).
  /// `partials` holds `partialFloats` floats.
  func forward(
    _ planes: UnsafePointer<Float>, images: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    out: UnsafeMutablePointer<Float>, outImageStride: Int, partials: UnsafeMutablePointer<Float>
  ) {
    let vb = vecBlock, perImage = oh * vectorsPerRow, total = images * perImage, strips = (total + vb - 1) / vb
    let block = stripsPerBlock, group = outBlocksPerGroup, ohw = oh * ow, t = taps, cb = channelBlock
    let channelStride = images * planeStride, slot = forwardSlot
    withUnsafeTemporaryAllocation(of: Int.self, capacity: t + 3 * vb * block) { buf in
      let tapOff = buf.baseAddress!, pOff = tapOff + t, oOff = pOff + vb * block, cnt = oOff + vb * block
      for i in 0..<t { tapOff[i] = tapOffset(i) }
      var s0 = 0
      while s0 < strips {
        let n = min(block, strips - s0)
        fillOffsets(firstVector: vb * s0, count: vb * n, total: total, perImage: perImage,
                    outImageStride: outImageStride, pOff, oOff, cnt)
        var ob0 = 0
        while ob0 < outBlocks {
          let ob1 = min(outBlocks, ob0 + group)
          var c0 = 0
          while c0 < inC {
            let nc = min(cb, inC - c0)
            for ob in ob0..<ob1 {
              let wb = weights + (ob * inC + c0) * ocBlock * t, obc = ob * ocBlock
              for s in 0..<n {
                let j = vb * s, partial = partials + ((ob - ob0) * block + s) * slot
                if wide {
                  ForwardTile512.run(
                    planes: planes + c0 * channelStride, offsets: pOff + j, weights: wb, inC: nc, taps: t,
                    tapOffsets: tapOff, channelStride: channelStride, partial: partial, first: c0 == 0,
                    last: c0 + nc == inC, out: out + obc * ohw, ohw: ohw, outOffsets: oOff + j, counts: cnt + j,
                    outCount: outC - obc, bias: bias.map { $0 + obc })
                  continue
                }
                DirectTile.forward(
                  planes + c0 * channelStride, (pOff[j], pOff[j + 1], pOff[j + 2]), wb, inC: nc, taps: t, tapOffset: tapOff,
                  channelStride: channelStride, partial: partial, first: c0 == 0,
                  last: c0 + nc == inC, out: out + obc * ohw, ohw: ohw,
                  outOff: (oOff[j], oOff[j + 1], oOff[j + 2]), count: (cnt[j], cnt[j + 1], cnt[j + 2]),
                  outCount: outC - obc, bias: bias.map { $0 + obc })
              }
            }
            c0 += nc
          }
          ob0 = ob1
        }
        s0 += n
      }
    }
  }

  /// Rows per group of `pairedVector`'s order: their last vectors make 3 pairs, one wide tile.
  static let rowsPerPairGroup = 6

  /// The vector (numbered image by image, row by row) that wide tiles compute at position
  /// `position` of their sequence.
  ///
  /// A 16-lane pair must be two adjacent vectors of one row to load as one run of 16 floats.
  /// With an odd number of vectors per row (7 for a 56-wide map), pairs taken in plain order
  /// cross a row end every few pairs, and a tile with such a pair loads all its pairs in two
  /// halves. So rows go in groups of 6: first each row's vectors but its last, then the 6 last
  /// vectors, which pair up across rows in a tile of their own. Identity for even counts and for
  /// one vector per row. Which tile computes an output does not change its value.
  func pairedVector(_ position: Int, total: Int) -> Int {
    let vpr = vectorsPerRow
    guard wide && vpr % 2 == 1 && vpr > 1 else { return position }
    let g = Self.rowsPerPairGroup, rows = total / vpr
    let group = position / (g * vpr), r = position % (g * vpr), rowsInGroup = min(g, rows - group * g)
    let inner = vpr - 1
    if r < rowsInGroup * inner { return (group * g + r / inner) * vpr + r % inner }
    return (group * g + r - rowsInGroup * inner) * vpr + inner
  }

  /// The plane offset, output offset and lane count of the vectors at positions `firstVector
  /// ..< + count` of the tiles' sequence (`pairedVector`). Positions past `total` write nothing
  /// (count 0) and read an earlier vector's planes: the first of their tile (wide tiles: the
  /// first pair, or the real half of a pair, so a pair stays in bounds and contiguous where it can).
  func fillOffsets(
    firstVector: Int, count: Int, total: Int, perImage: Int, outImageStride: Int,
    _ pOff: UnsafeMutablePointer<Int>, _ oOff: UnsafeMutablePointer<Int>, _ cnt: UnsafeMutablePointer<Int>
  ) {
    for i in 0..<count {
      if firstVector + i < total {
        let vec = pairedVector(firstVector + i, total: total)
        let img = vec / perImage, r = vec % perImage, y = r / vectorsPerRow, x = (r % vectorsPerRow) * 8
        pOff[i] = img * planeStride + y * wp + x
        oOff[i] = img * outImageStride + y * ow + x
        cnt[i] = min(8, ow - x)
      } else {
        let vec = firstVector + i, tileStart = i - i % vecBlock
        let source = !wide ? tileStart : (i % 2 == 1 && vec - 1 < total ? i - 1 : tileStart + i % 2)
        (pOff[i], oOff[i], cnt[i]) = (pOff[source], 0, 0)
      }
    }
  }
}
