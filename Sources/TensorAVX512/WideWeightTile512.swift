// Duplicates (`duplicates` pairs them): the five register tiles (ForwardTile512,
// WeightTile512, WideWeightTile512, DirectTile, DirectWeightTile) are two algorithms at two
// widths, mirrored by hand; one template and a generator with a freshness check is the remaining
// part of issue 14 (it needs quiet-machine benchmarks), until then a change to one must be made
// to its mirrors too (the bit-equality tests in TensorTests/DirectConvTests compare them).

/// The wide AVX-512 weight-gradient tile: 16 output channels × 3 taps, held as 8 channel pairs
/// × 3 taps of 16 lanes in 24 zmm accumulators (11 loads per 24 FMAs, against 7 per 12 in
/// `WeightTile512`). The same sums, in the same order, as `WeightTile512` and Tensor's
/// `DirectWeightTile`.
public enum WideWeightTile512 {
  /// Output channels and taps of one tile.
  public static let outputChannels = 16, taps = 3
  /// Floats of one partial-sum slot: 24 accumulators × 16 lanes.
  public static let slotFloats = 384

  /// As `WeightTile512.run`, for 8 channel pairs (`dy` holds them `dyPair` floats apart); the
  /// lane sums go to `sums[k·3 + j]` for k < 16.
  // size-budget: unrolled accumulators that must stay in registers (one function, no calls).
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
    var e0 = F16(), e1 = F16(), e2 = F16()
    var f0 = F16(), f1 = F16(), f2 = F16()
    var g0 = F16(), g1 = F16(), g2 = F16()
    var h0 = F16(), h1 = F16(), h2 = F16()
    if !first {
      a0 = Accumulators16.load(partial, 0); a1 = Accumulators16.load(partial, 1); a2 = Accumulators16.load(partial, 2)
      b0 = Accumulators16.load(partial, 3); b1 = Accumulators16.load(partial, 4); b2 = Accumulators16.load(partial, 5)
      c0 = Accumulators16.load(partial, 6); c1 = Accumulators16.load(partial, 7); c2 = Accumulators16.load(partial, 8)
      d0 = Accumulators16.load(partial, 9); d1 = Accumulators16.load(partial, 10); d2 = Accumulators16.load(partial, 11)
      e0 = Accumulators16.load(partial, 12); e1 = Accumulators16.load(partial, 13); e2 = Accumulators16.load(partial, 14)
      f0 = Accumulators16.load(partial, 15); f1 = Accumulators16.load(partial, 16); f2 = Accumulators16.load(partial, 17)
      g0 = Accumulators16.load(partial, 18); g1 = Accumulators16.load(partial, 19); g2 = Accumulators16.load(partial, 20)
      h0 = Accumulators16.load(partial, 21); h1 = Accumulators16.load(partial, 22); h2 = Accumulators16.load(partial, 23)
    }
    let rowFloats = vectorsPerRow &* 8
    let q0 = dy, q1 = q0 + dyPair, q2 = q1 + dyPair, q3 = q2 + dyPair, q4 = q3 + dyPair, q5 = q4 + dyPair, q6 = q5 + dyPair, q7 = q6 + dyPair
    var pos = rows.lowerBound &* vectorsPerRow &* 16, r = rows.lowerBound
    while r < rows.upperBound {
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
          s = Vector16.load(q4 + pos)
          e0 = e0.addingProduct(x0, s); e1 = e1.addingProduct(x1, s); e2 = e2.addingProduct(x2, s)
          s = Vector16.load(q5 + pos)
          f0 = f0.addingProduct(x0, s); f1 = f1.addingProduct(x1, s); f2 = f2.addingProduct(x2, s)
          s = Vector16.load(q6 + pos)
          g0 = g0.addingProduct(x0, s); g1 = g1.addingProduct(x1, s); g2 = g2.addingProduct(x2, s)
          s = Vector16.load(q7 + pos)
          h0 = h0.addingProduct(x0, s); h1 = h1.addingProduct(x1, s); h2 = h2.addingProduct(x2, s)
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
      Accumulators16.store(e0, partial, 12); Accumulators16.store(e1, partial, 13); Accumulators16.store(e2, partial, 14)
      Accumulators16.store(f0, partial, 15); Accumulators16.store(f1, partial, 16); Accumulators16.store(f2, partial, 17)
      Accumulators16.store(g0, partial, 18); Accumulators16.store(g1, partial, 19); Accumulators16.store(g2, partial, 20)
      Accumulators16.store(h0, partial, 21); Accumulators16.store(h1, partial, 22); Accumulators16.store(h2, partial, 23)
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
    sums[24] = e0.lowHalf.sum(); sums[25] = e1.lowHalf.sum(); sums[26] = e2.lowHalf.sum()
    sums[27] = e0.highHalf.sum(); sums[28] = e1.highHalf.sum(); sums[29] = e2.highHalf.sum()
    sums[30] = f0.lowHalf.sum(); sums[31] = f1.lowHalf.sum(); sums[32] = f2.lowHalf.sum()
    sums[33] = f0.highHalf.sum(); sums[34] = f1.highHalf.sum(); sums[35] = f2.highHalf.sum()
    sums[36] = g0.lowHalf.sum(); sums[37] = g1.lowHalf.sum(); sums[38] = g2.lowHalf.sum()
    sums[39] = g0.highHalf.sum(); sums[40] = g1.highHalf.sum(); sums[41] = g2.highHalf.sum()
    sums[42] = h0.lowHalf.sum(); sums[43] = h1.lowHalf.sum(); sums[44] = h2.lowHalf.sum()
    sums[45] = h0.highHalf.sum(); sums[46] = h1.highHalf.sum(); sums[47] = h2.highHalf.sum()
  }
}
