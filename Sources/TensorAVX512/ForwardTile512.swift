// Duplicates (`duplicates` pairs them): the five register tiles (ForwardTile512,
// WeightTile512, WideWeightTile512, DirectTile, DirectWeightTile) are two algorithms at two
// widths, mirrored by hand; one template and a generator with a freshness check is the remaining
// part of issue 14 (it needs quiet-machine benchmarks), until then a change to one must be made
// to its mirrors too (the bit-equality tests in TensorTests/DirectConvTests compare them).

/// The AVX-512 forward tile of the direct convolution: 8 output channels × 6 vectors of 8
/// floats, held as 3 × 16 lanes in 24 zmm accumulators (vfmadd231ps zmm).
///
/// The same sums as Tensor's `DirectTile` (4 channels × 3 vectors of `SIMD8<Float>`): each
/// output lane is one chain of fused multiply-adds over (channel, tap) in the same order, so
/// both tiles give the same bits; only the number of lanes per instruction differs.
public enum ForwardTile512 {
  /// Output channels and 8-float vectors of one tile.
  public static let outputChannels = 8, vectors = 6
  /// Floats of one partial-sum slot: 24 accumulators × 16 lanes.
  public static let slotFloats = 384

  /// Adds `Σ_c Σ_t w[c][t][k] · P[c·channelStride + tapOffsets[t] + offsets[v] ..< +8]` to the
  /// accumulator of output channel k < 8 and vector v < 6, over `inC` channels of planes `p`
  /// (weights packed [inC][taps][8]). Accumulators start from zero (`first`) or from `partial`;
  /// then either go back to `partial` or (`last`) are written as `out[k·ohw + outOffsets[v] ..<
  /// + counts[v]] = acc + bias[k]` for k < `outCount` (a count of 0 skips the vector).
  @inline(never)
  public static func run(
    planes p: UnsafePointer<Float>, offsets off: UnsafePointer<Int>, weights w: UnsafePointer<Float>, inC: Int,
    taps: Int, tapOffsets: UnsafePointer<Int>, channelStride: Int, partial: UnsafeMutablePointer<Float>,
    first: Bool, last: Bool, out: UnsafeMutablePointer<Float>, ohw: Int, outOffsets: UnsafePointer<Int>,
    counts: UnsafePointer<Int>, outCount: Int, bias: UnsafePointer<Float>?
  ) {
    let tile = Tile(
      p: p, off: (off[0], off[1], off[2], off[3], off[4], off[5]), w: w, inC: inC, taps: taps,
      tapOffsets: tapOffsets, channelStride: channelStride, partial: partial, first: first, last: last)
    let sink = Sink(out: out, ohw: ohw, offsets: outOffsets, counts: counts, outCount: outCount, bias: bias)
    if off[1] == off[0] &+ 8 && off[3] == off[2] &+ 8 && off[5] == off[4] &+ 8 {
      tile.run(Contiguous.self, sink)
    } else {
      tile.run(Gathered.self, sink)
    }
  }
}

/// How a tile reads its 16 lanes: one run of 16 floats, or two runs of 8.
protocol PairLoader {
  static func load(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> F16
}

enum Contiguous: PairLoader {
  @inline(__always)
  static func load(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> F16 { Vector16.load(a) }
}

enum Gathered: PairLoader {
  @inline(__always)
  static func load(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> F16 { Vector16.pair(a, b) }
}

/// Where a finished forward tile goes (see `ForwardTile512.run`).
struct Sink {
  let out: UnsafeMutablePointer<Float>, ohw: Int, offsets: UnsafePointer<Int>, counts: UnsafePointer<Int>
  let outCount: Int, bias: UnsafePointer<Float>?

  /// Writes accumulator (channel k, pair j) + bias[k]: lanes 0–7 to vector 2j, 8–15 to 2j + 1.
  @inline(__always)
  func put(_ v: F16, _ k: Int, _ j: Int) {
    guard k < outCount else { return }
    let r = v + (bias?[k] ?? 0), q = out + k &* ohw
    let a = offsets[2 &* j], b = offsets[2 &* j &+ 1], na = counts[2 &* j], nb = counts[2 &* j &+ 1]
    if na == 8 && nb == 8 && b == a &+ 8 {
      Vector16.store(r, q + a)
      return
    }
    if na > 0 { Vector16.store(r.lowHalf, q + a, count: na) }
    if nb > 0 { Vector16.store(r.highHalf, q + b, count: nb) }
  }
}

/// One forward tile's inputs (see `ForwardTile512.run`).
struct Tile {
  let p: UnsafePointer<Float>, off: (Int, Int, Int, Int, Int, Int), w: UnsafePointer<Float>, inC: Int, taps: Int
  let tapOffsets: UnsafePointer<Int>, channelStride: Int, partial: UnsafeMutablePointer<Float>, first: Bool, last: Bool

  // size-budget: unrolled accumulators that must stay in registers (one function, no calls).
  @inline(__always)
  func run<L: PairLoader>(_: L.Type, _ sink: Sink) {
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
    let p0 = p + off.0, q0 = p + off.1, p1 = p + off.2, q1 = p + off.3, p2 = p + off.4, q2 = p + off.5
    var wk = w, base = 0
    for _ in 0..<inC {
      for t in 0..<taps {
        let o = base &+ tapOffsets[t]
        let x0 = L.load(p0 + o, q0 + o), x1 = L.load(p1 + o, q1 + o), x2 = L.load(p2 + o, q2 + o)
        var s = F16(repeating: wk[0])
        a0 = a0.addingProduct(x0, s); a1 = a1.addingProduct(x1, s); a2 = a2.addingProduct(x2, s)
        s = F16(repeating: wk[1])
        b0 = b0.addingProduct(x0, s); b1 = b1.addingProduct(x1, s); b2 = b2.addingProduct(x2, s)
        s = F16(repeating: wk[2])
        c0 = c0.addingProduct(x0, s); c1 = c1.addingProduct(x1, s); c2 = c2.addingProduct(x2, s)
        s = F16(repeating: wk[3])
        d0 = d0.addingProduct(x0, s); d1 = d1.addingProduct(x1, s); d2 = d2.addingProduct(x2, s)
        s = F16(repeating: wk[4])
        e0 = e0.addingProduct(x0, s); e1 = e1.addingProduct(x1, s); e2 = e2.addingProduct(x2, s)
        s = F16(repeating: wk[5])
        f0 = f0.addingProduct(x0, s); f1 = f1.addingProduct(x1, s); f2 = f2.addingProduct(x2, s)
        s = F16(repeating: wk[6])
        g0 = g0.addingProduct(x0, s); g1 = g1.addingProduct(x1, s); g2 = g2.addingProduct(x2, s)
        s = F16(repeating: wk[7])
        h0 = h0.addingProduct(x0, s); h1 = h1.addingProduct(x1, s); h2 = h2.addingProduct(x2, s)
        wk += 8
      }
      base &+= channelStride
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
    @inline(__always) func put(_ v: F16, _ k: Int, _ j: Int) { sink.put(v, k, j) }
    put(a0, 0, 0); put(a1, 0, 1); put(a2, 0, 2)
    put(b0, 1, 0); put(b1, 1, 1); put(b2, 1, 2)
    put(c0, 2, 0); put(c1, 2, 1); put(c2, 2, 2)
    put(d0, 3, 0); put(d1, 3, 1); put(d2, 3, 2)
    put(e0, 4, 0); put(e1, 4, 1); put(e2, 4, 2)
    put(f0, 5, 0); put(f1, 5, 1); put(f2, 5, 2)
    put(g0, 6, 0); put(g1, 6, 1); put(g2, 6, 2)
    put(h0, 7, 0); put(h1, 7, 1); put(h2, 7, 2)
  }
}
