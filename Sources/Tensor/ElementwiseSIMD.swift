/// Closure-free elementwise loops over eight-lane kernels (specialised per kernel type).
extension Elementwise {
  /// `k(x)` for every element.
  @inline(__always)
  static func apply<K: UnaryKernel>(_ x: Tensor, _ k: K) -> Tensor {
    let n = x.count
    return x.withUnsafeBufferPointer { src in
      Tensor.build(x.shape) { dst in
        guard let s = src.baseAddress, let d = dst.baseAddress else { return }
        let ps = UncheckedBox(s), pd = SendablePointer(d)
        chunkedGeneric(n, UnaryRange(k: k, src: ps, dst: pd))
      }
    }
  }

  /// `k(a, b)` for every pair of elements; shapes must be equal (callers check).
  @inline(__always)
  static func apply<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _ k: K) -> Tensor {
    let n = a.count
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        Tensor.build(a.shape) { dst in
          guard let x = pa.baseAddress, let y = pb.baseAddress, let d = dst.baseAddress else {
            return
          }
          chunkedGeneric(
            n, BinaryRange(k: k, a: UncheckedBox(x), b: UncheckedBox(y), dst: SendablePointer(d)))
        }
      }
    }
  }

  /// Runs a range body over `0..<n` in fixed chunks of 16,384 (parallel when large).
  @inline(__always)
  static func chunkedGeneric<R: RangeBody>(_ n: Int, _ body: R) {
    let chunk = 1 << 14
    let chunks = (n + chunk - 1) / chunk
    if chunks <= 1 || !Threading.worthParallel(n) || Threading.threadCount == 1 {
      body.run(0, n)
      return
    }
    try? Threading.forEachChunk(chunks) { c in body.run(c * chunk, min(n, (c + 1) * chunk)) }
  }
}

/// A loop over `lo..<hi`, as a value so generic specialisation removes every indirect call.
protocol RangeBody {
  func run(_ lo: Int, _ hi: Int)
}

struct UnaryRange<K: UnaryKernel>: RangeBody {
  let k: K
  let src: UncheckedBox<UnsafePointer<Float>>
  let dst: SendablePointer

  @inline(__always)
  func run(_ lo: Int, _ hi: Int) {
    let s = src.value, d = dst.base
    var i = lo
    while i + 8 <= hi {
      VectorMath.store(k(VectorMath.load(s + i)), d + i)
      i += 8
    }
    if i < hi { VectorMath.storePartial(k(VectorMath.loadPartial(s + i, hi - i)), d + i, hi - i) }
  }
}

struct BinaryRange<K: BinaryKernel>: RangeBody {
  let k: K
  let a: UncheckedBox<UnsafePointer<Float>>
  let b: UncheckedBox<UnsafePointer<Float>>
  let dst: SendablePointer

  @inline(__always)
  func run(_ lo: Int, _ hi: Int) {
    let x = a.value, y = b.value, d = dst.base
    var i = lo
    while i + 8 <= hi {
      VectorMath.store(k(VectorMath.load(x + i), VectorMath.load(y + i)), d + i)
      i += 8
    }
    if i < hi {
      let m = hi - i
      VectorMath.storePartial(
        k(VectorMath.loadPartial(x + i, m), VectorMath.loadPartial(y + i, m)), d + i, m)
    }
  }
}
