import TensorAVX512

extension DirectConv {
  /// Flattened rows (image·oh + y) per block of the weight gradient: about 16 KiB of dy for a
  /// tile's 4 (wide: 8) channels, so the block stays in L1 while every input channel passes over it.
  var weightRowsPerBlock: Int { max(1, (wide ? 512 : 1024) / (vectorsPerRow * 8)) }

  /// Floats of one weight-gradient partial-sum slot: 96, or 192 wide.
  var weightSlot: Int {
    !wide
      ? DirectWeightTile.slotFloats
      : weightOcBlock == WideWeightTile512.outputChannels
        ? WideWeightTile512.slotFloats : WeightTile512.slotFloats
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
    _ planes: UnsafePointer<Float>, images: Int, dy: UnsafePointer<Float>,
    _ dst: UnsafeMutablePointer<Float>,
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
              let o0 = tapOffset(t0), o1 = t0 + 1 < t ? tapOffset(t0 + 1) : 0,
                o2 = t0 + 2 < t ? tapOffset(t0 + 2) : 0
              if ocb == WideWeightTile512.outputChannels {
                WideWeightTile512.run(
                  planes: plane, dy: tile, dyStride: 2 * dyChannel, tapOffsets: (o0, o1, o2),
                  rows: r0..<r1, oh: oh,
                  vectorsPerRow: vectorsPerRow, wp: wp, planeStride: planeStride, partial: partial,
                  first: r0 == 0,
                  last: last, sums: sums)
              } else if wide {
                WeightTile512.run(
                  planes: plane, dy: tile, dyStride: 2 * dyChannel, tapOffsets: (o0, o1, o2),
                  rows: r0..<r1, oh: oh,
                  vectorsPerRow: vectorsPerRow, wp: wp, planeStride: planeStride, partial: partial,
                  first: r0 == 0,
                  last: last, sums: sums)
              } else {
                DirectWeightTile.run(
                  planes: plane, dy: tile, dyStride: dyChannel, tapOffsets: (o0, o1, o2),
                  rows: r0..<r1, oh: oh,
                  vectorsPerRow: vectorsPerRow, wp: wp, planeStride: planeStride, partial: partial,
                  first: r0 == 0,
                  last: last, sums: sums)
              }
              if !last { continue }
              for k in 0..<oc {
                for j in 0..<min(3, t - t0) {
                  dst[((ob * ocb + k) * inC + c) * t + t0 + j] = sums[k * 3 + j]
                }
              }
            }
          }
          r0 = r1
        }
      }
    }
  }
}
