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
  static func load(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> F16 {
    Vector16.pair(a, b)
  }
}

/// Where a finished forward tile goes (see `ForwardTile512.run`).
struct PairSink {
  let out: UnsafeMutablePointer<Float>, ohw: Int, offsets: UnsafePointer<Int>,
    counts: UnsafePointer<Int>
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
