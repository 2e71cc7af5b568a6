import TensorAVX512

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
  var outBlocksPerGroup: Int {
    min(outBlocks, max(1, (32 * 1024) / (stripsPerBlock * forwardSlot)))
  }

  /// Floats of partial sums `forward` needs (0 with a single channel block).
  var partialFloats: Int {
    channelBlock < inC ? outBlocksPerGroup * stripsPerBlock * forwardSlot : 0
  }

  /// Forward of `images` images whose planes are at `planes` ([inC][image] planes), with one
  /// group's packed weights: writes `out[img·outImageStride + o·oh·ow + y·ow + x]` (+ bias[o]).
  /// `partials` holds `partialFloats` floats.
  func forward(
    _ planes: UnsafePointer<Float>, images: Int, weights: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, out: UnsafeMutablePointer<Float>, outImageStride: Int,
    partials: UnsafeMutablePointer<Float>
  ) {
    let vb = vecBlock, perImage = oh * vectorsPerRow, total = images * perImage,
      strips = (total + vb - 1) / vb
    let block = stripsPerBlock, group = outBlocksPerGroup, ohw = oh * ow, t = taps,
      cb = channelBlock
    let channelStride = images * planeStride, slot = forwardSlot
    withUnsafeTemporaryAllocation(of: Int.self, capacity: t + 3 * vb * block) { buf in
      let tapOff = buf.baseAddress!, pOff = tapOff + t, oOff = pOff + vb * block,
        cnt = oOff + vb * block
      for i in 0..<t { tapOff[i] = tapOffset(i) }
      var s0 = 0
      while s0 < strips {
        let n = min(block, strips - s0)
        fillOffsets(
          firstVector: vb * s0, count: vb * n, total: total, perImage: perImage,
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
                let planesBlock = planes + c0 * channelStride, first = c0 == 0,
                  last = c0 + nc == inC
                let outBlock = out + obc * ohw, outCount = outC - obc,
                  biasBlock = bias.map { $0 + obc }
                if wide {
                  ForwardTile512.run(
                    planes: planesBlock, offsets: pOff + j, weights: wb, inC: nc, taps: t,
                    tapOffsets: tapOff, channelStride: channelStride, partial: partial,
                    first: first, last: last, out: outBlock, ohw: ohw, outOffsets: oOff + j,
                    counts: cnt + j, outCount: outCount, bias: biasBlock)
                } else {
                  DirectTile.run(
                    planes: planesBlock, offsets: pOff + j, weights: wb, inC: nc, taps: t,
                    tapOffsets: tapOff, channelStride: channelStride, partial: partial,
                    first: first, last: last, out: outBlock, ohw: ohw, outOffsets: oOff + j,
                    counts: cnt + j, outCount: outCount, bias: biasBlock)
                }
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
    let group = position / (g * vpr), r = position % (g * vpr),
      rowsInGroup = min(g, rows - group * g)
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
    _ pOff: UnsafeMutablePointer<Int>, _ oOff: UnsafeMutablePointer<Int>,
    _ cnt: UnsafeMutablePointer<Int>
  ) {
    for i in 0..<count {
      if firstVector + i < total {
        let vec = pairedVector(firstVector + i, total: total)
        let img = vec / perImage, r = vec % perImage, y = r / vectorsPerRow,
          x = (r % vectorsPerRow) * 8
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
