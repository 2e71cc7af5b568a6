/// Where a finished `DirectTile` goes: accumulator (channel k, vector j) + bias[k] to
/// `out[k·ohw + offsets[j] ..< + counts[j]]`, for k < `outCount` (a count of 0 skips the vector).
struct VectorSink {
  let out: UnsafeMutablePointer<Float>, ohw: Int, offsets: UnsafePointer<Int>,
    counts: UnsafePointer<Int>
  let outCount: Int, bias: UnsafePointer<Float>?

  @inline(__always)
  func put(_ v: F8, _ k: Int, _ j: Int) {
    let n = counts[j]
    guard k < outCount, n > 0 else { return }
    let r = v + (bias?[k] ?? 0), q = out + (k &* ohw &+ offsets[j])
    if n == 8 { VectorMath.store(r, q) } else { VectorMath.storePartial(r, q, n) }
  }
}
