// Duplicates (`duplicates` pairs them): the five register tiles (ForwardTile512,
// WeightTile512, WideWeightTile512, DirectTile, DirectWeightTile) are two algorithms at two
// widths, mirrored by hand; one template and a generator with a freshness check is the remaining
// part of issue 14 (it needs quiet-machine benchmarks), until then a change to one must be made
// to its mirrors too (the bit-equality tests in TensorTests/DirectConvTests compare them).

/// The AVX-512 weight-gradient tile of the direct convolution: 8 output channels × 3 taps,
/// held as 4 channel pairs × 3 taps of 16 lanes in 12 zmm accumulators.
///
/// The same sums as Tensor's `DirectWeightTile` (4 channels × 3 taps of `SIMD8<Float>`): lanes
/// 0–7 of a pair's accumulator are exactly the 8-lane accumulator of its even channel, lanes
/// 8–15 that of its odd channel, each summed over rows and vectors in the same order and then
/// across its 8 lanes with the same `sum()`. So both tiles give the same bits.
public enum WeightTile512 {
  /// Output channels and taps of one tile.
  public static let outputChannels = 8, taps = 3
  /// Floats of one partial-sum slot: 12 accumulators × 16 lanes.
  public static let slotFloats = 192

  /// Adds rows `rows` (flattened image·oh + y) to the accumulators of channel k < 8 and tap
  /// j < 3: `Σ dy[k][row][x] · P[row's plane row + tapOffsets.j + x]`, x over the row's
  /// `vectorsPerRow` vectors of 8. `dy` holds the tile's 4 channel pairs `dyPair` floats apart,
  /// each laid out [image·oh + y][vector][16] (lanes 0–7 the even channel, 8–15 the odd one;
  /// zero past the output width). `p` is one input channel's plane of image 0, the next image's
  /// `planeStride` floats on, rows `wp` apart. Accumulators start from zero (`first`) or from
  /// `partial`; then go back to `partial`, or (`last`) their lane sums go to `sums[k·3 + j]`.
  @inline(never)
  public static func run(
    planes p: UnsafePointer<Float>, dy: UnsafePointer<Float>, dyPair: Int, tapOffsets tap: (Int, Int, Int),
    rows: Range<Int>, oh: Int, vectorsPerRow: Int, wp: Int, planeStride: Int,
    partial: UnsafeMutablePointer<Float>, first: Bool, last: Bool, sums: UnsafeMutablePointer<Float>
  ) {
    var a0 = F16(), a1 = F16(), a2 = F16()
    var b0 = F16(), b1 = F16(), b2 = F16()
    var c0 = F16(), c1 = F16(), c2 = F16()
    var d0 = F16(), d1 = F16(), d2 = F16()
    if !first {
      a0 = Accumulators16.load(partial, 0); a1 = Accumulators16.load(partial, 1); a2 = Accumulators16.load(partial, 2)
      b0 = Accumulators16.load(partial, 3); b1 = Accumulators16.load(partial, 4); b2 = Accumulators16.load(partial, 5)
      c0 = Accumulators16.load(partial, 6); c1 = Accumulators16.load(partial, 7); c2 = Accumulators16.load(partial, 8)
      d0 = Accumulators16.load(partial, 9); d1 = Accumulators16.load(partial, 10); d2 = Accumulators16.load(partial, 11)
    }
    let rowFloats = vectorsPerRow &* 8
    let q0 = dy, q1 = dy + dyPair, q2 = q1 + dyPair, q3 = q2 + dyPair
    var pos = rows.lowerBound &* vectorsPerRow &* 16, r = rows.lowerBound
    while r < rows.upperBound {
      // The rows of one image: plane rows `wp` apart, dy rows contiguous.
      let img = r / oh, y0 = r &- img &* oh, n = min(oh &- y0, rows.upperBound &- r)
      var row = p + (img &* planeStride &+ y0 &* wp)
      for _ in 0..<n {
        let r0 = row + tap.0, r1 = row + tap.1, r2 = row + tap.2
        var v = 0
        repeat {
          let x0 = Vector16.broadcast8(r0 + v), x1 = Vector16.broadcast8(r1 + v), x2 = Vector16.broadcast8(r2 + v)
          var s = Vector16.load(q0 + pos)
          a0 = a0.addingProduct(x0, s); a1 = a1.addingProduct(x1, s); a2 = a2.addingProduct(x2, s)
          s = Vector16.load(q1 + pos)
          b0 = b0.addingProduct(x0, s); b1 = b1.addingProduct(x1, s); b2 = b2.addingProduct(x2, s)
          s = Vector16.load(q2 + pos)
          c0 = c0.addingProduct(x0, s); c1 = c1.addingProduct(x1, s); c2 = c2.addingProduct(x2, s)
          s = Vector16.load(q3 + pos)
          d0 = d0.addingProduct(x0, s); d1 = d1.addingProduct(x1, s); d2 = d2.addingProduct(x2, s)
          v &+= 8
          pos &+= 16
        } while v < rowFloats
        row += wp
      }
      r &+= n
    }
    if !last {
      Accumulators16.store(a0, partial, 0); Accumulators16.store(a1, partial, 1); Accumulators16.store(a2, partial, 2)
      Accumulators16.store(b0, partial, 3); Accumulators16.store(b1, partial, 4); Accumulators16.store(b2, partial, 5)
      Accumulators16.store(c0, partial, 6); Accumulators16.store(c1, partial, 7); Accumulators16.store(c2, partial, 8)
      Accumulators16.store(d0, partial, 9); Accumulators16.store(d1, partial, 10); Accumulators16.store(d2, partial, 11)
      return
    }
    sums[0] = a0.lowHalf.sum(); sums[1] = a1.lowHalf.sum(); sums[2] = a2.lowHalf.sum()
    sums[3] = a0.highHalf.sum(); sums[4] = a1.highHalf.sum(); sums[5] = a2.highHalf.sum()
    sums[6] = b0.lowHalf.sum(); sums[7] = b1.lowHalf.sum(); sums[8] = b2.lowHalf.sum()
    sums[9] = b0.highHalf.sum(); sums[10] = b1.highHalf.sum(); sums[11] = b2.highHalf.sum()
    sums[12] = c0.lowHalf.sum(); sums[13] = c1.lowHalf.sum(); sums[14] = c2.lowHalf.sum()
    sums[15] = c0.highHalf.sum(); sums[16] = c1.highHalf.sum(); sums[17] = c2.highHalf.sum()
    sums[18] = d0.lowHalf.sum(); sums[19] = d1.lowHalf.sum(); sums[20] = d2.lowHalf.sum()
    sums[21] = d0.highHalf.sum(); sums[22] = d1.highHalf.sum(); sums[23] = d2.highHalf.sum()
  }
}
