import TensorAVX512

// Duplicates (`duplicates` pairs them): the five register tiles (ForwardTile512,
// WeightTile512, WideWeightTile512, DirectTile, DirectWeightTile) are two algorithms at two
// widths, mirrored by hand; one template and a generator with a freshness check is the remaining
// part of issue 14 (it needs quiet-machine benchmarks), until then a change to one must be made
// to its mirrors too (the bit-equality tests in TensorTests/DirectConvTests compare them).

/// The weight-gradient register tile of the direct convolution: 4 output channels × 3 taps,
/// twelve `SIMD8<Float>` accumulators summed over output positions.
///
/// With dy [outBlocks·4][images·oh][row8] (rows padded with zeros to `row8 = 8·vectorsPerRow`,
/// and zero channels past `outC`) and the forward planes P [inC][image][hp][wp]:
///
///     dW[o][c][t] = Σ_img Σ_y Σ_x dy[o][img·oh + y][x] · P[img][c][y·wp + x + tapOffset(t)]
///
/// The zero lanes of dy make the padded lanes of each row add nothing.
enum DirectWeightTile {
  /// Adds rows `rows` (flattened image·oh + y) of the tile for dy channels `dy + k·dyChannel`
  /// (k < 4) and plane offsets `tap.j` (j < 3) of channel plane `p` (image 0) to the 12
  /// accumulators, which start from zero (`first`) or from `partial`; saves them to `partial`,
  /// or (`last`) returns their lane sums, k·4 + j.
  @inline(__always)
  static func run(
    _ p: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, taps tap: (Int, Int, Int), rows: Range<Int>,
    _ plan: DirectConv, dyChannel: Int, partial: UnsafeMutablePointer<Float>, first: Bool, last: Bool
  ) -> SIMD16<Float> {
    var a0 = F8(), a1 = F8(), a2 = F8(), b0 = F8(), b1 = F8(), b2 = F8()
    var c0 = F8(), c1 = F8(), c2 = F8(), d0 = F8(), d1 = F8(), d2 = F8()
    if !first {
      (a0, a1, a2, b0, b1, b2, c0, c1, c2, d0, d1, d2) = TileAccumulators.load(partial)
    }
    let vectors = plan.vectorsPerRow, rowFloats = vectors &* 8, oh = plan.oh
    let q0 = dy, q1 = dy + dyChannel, q2 = q1 + dyChannel, q3 = q2 + dyChannel
    var pos = rows.lowerBound &* vectors &* 8, r = rows.lowerBound
    while r < rows.upperBound {
      // The rows of one image: plane rows at stride wp, dy rows contiguous.
      let img = r / oh, y0 = r - img &* oh, n = min(oh - y0, rows.upperBound - r)
      var row = p + (img &* plan.planeStride &+ y0 &* plan.wp)
      for _ in 0..<n {
        let r0 = row + tap.0, r1 = row + tap.1, r2 = row + tap.2
        var v = 0
        repeat {
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
        } while v < rowFloats
        row += plan.wp
      }
      r &+= n
    }
    if !last {
      TileAccumulators.store((a0, a1, a2, b0, b1, b2, c0, c1, c2, d0, d1, d2), partial)
      return SIMD16()
    }
    return SIMD16(
      a0.sum(), a1.sum(), a2.sum(), 0, b0.sum(), b1.sum(), b2.sum(), 0,
      c0.sum(), c1.sum(), c2.sum(), 0, d0.sum(), d1.sum(), d2.sum(), 0)
  }
}

extension DirectConv {
  /// Flattened rows (image·oh + y) per block of the weight gradient: about 16 KiB of dy for a
  /// tile's 4 (wide: 8) channels, so the block stays in L1 while every input channel passes over it.
  var weightRowsPerBlock: Int { max(1, (wide ? 512 : 1024) / (vectorsPerRow * 8)) }

  /// Floats of one weight-gradient partial-sum slot: 96, or 192 wide.
  var weightSlot: Int {
    !wide ? 96 : weightOcBlock == WideWeightTile512.outputChannels ? WideWeightTile512.slotFloats : WeightTile512.slotFloats
  }

  /// Floats of partial sums `weightGradient` needs for `images` images (0 with one row block).
  func weightPartialFloats(images: Int) -> Int {
    images * oh <= weightRowsPerBlock ? 0 : inC * ((taps + 2) / 3) * weightSlot
  }

  /// One group's weight gradient over `images` images: `dst[(o·inC + c)·taps + t]` (see
  /// `DirectWeightTile`). `dy` is laid out by `ConvCore.fillRows` ([outBlocks·4][images·oh]
  /// [8·vectorsPerRow], or wide [outBlocks·4 pairs][images·oh][vectorsPerRow][16]); `partials`
  /// holds `weightPartialFloats(images:)` floats.
  func weightGradient(
    _ planes: UnsafePointer<Float>, images: Int, dy: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>,
    partials: UnsafeMutablePointer<Float>
  ) {
    let t = taps, triples = (t + 2) / 3, rows = images * oh, dyChannel = rows * vectorsPerRow * 8
    let block = weightRowsPerBlock, slot = weightSlot
    let ocb = weightOcBlock
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * max(ocb, 4)) { sumsBuffer in
      let sums = sumsBuffer.baseAddress!
      for ob in 0..<weightOutBlocks {
        let tile = dy + ob * ocb * dyChannel, oc = min(ocb, outC - ob * ocb)
        var r0 = 0
        while r0 < rows {
          let r1 = min(rows, r0 + block)
          for c in 0..<inC {
            let plane = planes + c * images * planeStride
            for tr in 0..<triples {
              let t0 = 3 * tr, partial = partials + (c * triples + tr) * slot, last = r1 == rows
              let o0 = tapOffset(t0), o1 = t0 + 1 < t ? tapOffset(t0 + 1) : 0, o2 = t0 + 2 < t ? tapOffset(t0 + 2) : 0
              if ocb == WideWeightTile512.outputChannels {
                WideWeightTile512.run(
                  planes: plane, dy: tile, dyPair: 2 * dyChannel, tapOffsets: (o0, o1, o2), rows: r0..<r1, oh: oh,
                  vectorsPerRow: vectorsPerRow, wp: wp, planeStride: planeStride, partial: partial, first: r0 == 0,
                  last: last, sums: sums)
              } else if wide {
                WeightTile512.run(
                  planes: plane, dy: tile, dyPair: 2 * dyChannel, tapOffsets: (o0, o1, o2), rows: r0..<r1, oh: oh,
                  vectorsPerRow: vectorsPerRow, wp: wp, planeStride: planeStride, partial: partial, first: r0 == 0,
                  last: last, sums: sums)
              } else {
                let r = DirectWeightTile.run(
                  plane, tile, taps: (o0, o1, o2), rows: r0..<r1, self, dyChannel: dyChannel, partial: partial,
                  first: r0 == 0, last: last)
                for k in 0..<4 { for j in 0..<3 { sums[k * 3 + j] = r[k * 4 + j] } }
              }
              if !last { continue }
              for k in 0..<oc {
                for j in 0..<min(3, t - t0) { dst[((ob * ocb + k) * inC + c) * t + t0 + j] = sums[k * 3 + j] }
              }
            }
          }
          r0 = r1
        }
      }
    }
  }
}
