/// Eight-lane float math for the elementwise hot paths (AVX2 + FMA).
///
/// `exp` and `tanh` follow the Cephes single-precision algorithms (range reduction and
/// minimax polynomials, about 2 ulp); tails shorter than 8 lanes go through the same vector
/// code, so every element gets the same float operations wherever it sits.
typealias F8 = SIMD8<Float>

enum VectorMath {
  /// eˣ for each lane (overflow → +inf, underflow → 0, NaN propagates).
  @inline(__always)
  static func exp(_ v: F8) -> F8 {
    let x = v.clamped(lowerBound: F8(repeating: -87.336544), upperBound: F8(repeating: 88.72283))
    let fx = (x * 1.44269504088896341 + 0.5).rounded(.down)
    var r = x - fx * 0.693359375
    r = r + fx * 2.12194440e-4
    let z = r * r
    var y = F8(repeating: 1.9875691500e-4)
    y = y * r + 1.3981999507e-3
    y = y * r + 8.3334519073e-3
    y = y * r + 4.1665795894e-2
    y = y * r + 1.6666665459e-1
    y = y * r + 5.0000001201e-1
    y = y * z + r + 1
    let n = SIMD8<Int32>(fx, rounding: .towardZero) &+ 127
    let scale = unsafeBitCast(n &<< 23, to: F8.self)
    var out = y * scale
    out.replace(with: F8(repeating: .infinity), where: v .> 88.72283)
    out.replace(with: F8(repeating: 0), where: v .< -87.336544)
    out.replace(with: v, where: v .!= v)
    return out
  }

  /// tanh for each lane: an odd polynomial below |x| = 0.625, else 1 − 2/(e^{2|x|} + 1).
  @inline(__always)
  static func tanh(_ v: F8) -> F8 {
    let a = abs(v)
    let z = v * v
    var p = F8(repeating: -5.70498872745e-3)
    p = p * z + 2.06390887954e-2
    p = p * z - 5.37397155531e-2
    p = p * z + 1.33314422036e-1
    p = p * z - 3.33332819422e-1
    let small = p * z * v + v
    let e = exp(min(a * 2, F8(repeating: 88)))
    var big = 1 - 2 / (e + 1)
    big.replace(with: -big, where: v .< 0)
    var out = small
    out.replace(with: big, where: a .>= 0.625)
    out.replace(with: v, where: v .!= v)
    return out
  }

  /// 1/(1 + e⁻ˣ) for each lane, computed from e^{−|x|} so neither side overflows.
  @inline(__always)
  static func sigmoid(_ v: F8) -> F8 {
    let e = exp(-abs(v))
    let pos = 1 / (1 + e)
    var out = e / (1 + e)
    out.replace(with: pos, where: v .>= 0)
    out.replace(with: v, where: v .!= v)
    return out
  }

  @inline(__always)
  static func abs(_ v: F8) -> F8 { v.replacing(with: -v, where: v .< 0) }

  @inline(__always)
  static func min(_ a: F8, _ b: F8) -> F8 { a.replacing(with: b, where: b .< a) }

  /// Loads `count` (< 8) floats into the low lanes, zeros elsewhere.
  @inline(__always)
  static func loadPartial(_ p: UnsafePointer<Float>, _ count: Int) -> F8 {
    var v = F8()
    for i in 0..<count { v[i] = p[i] }
    return v
  }

  /// Stores the low `count` (< 8) lanes.
  @inline(__always)
  static func storePartial(_ v: F8, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
    for i in 0..<count { p[i] = v[i] }
  }

  @inline(__always)
  static func load(_ p: UnsafePointer<Float>) -> F8 {
    UnsafeRawPointer(p).loadUnaligned(as: F8.self)
  }

  @inline(__always)
  static func store(_ v: F8, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: F8.self)
  }
}

/// A function of one eight-lane vector, applied by `Elementwise.apply` without closures.
protocol UnaryKernel {
  func callAsFunction(_ x: F8) -> F8
}

/// A function of two eight-lane vectors, applied by `Elementwise.apply` without closures.
protocol BinaryKernel {
  func callAsFunction(_ a: F8, _ b: F8) -> F8
}

struct TanhKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { VectorMath.tanh(x) } }
struct SigmoidKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { VectorMath.sigmoid(x) } }
struct ExpKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { VectorMath.exp(x) } }
struct ReluKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { x.replacing(with: 0, where: x .< 0) } }
struct NegateKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { -x } }
struct SquareKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { x * x } }
struct SqrtKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { x.squareRoot() } }
struct AbsKernel: UnaryKernel { func callAsFunction(_ x: F8) -> F8 { VectorMath.abs(x) } }
/// a·x + b.
struct AffineKernel: UnaryKernel {
  let a: Float, b: Float
  func callAsFunction(_ x: F8) -> F8 { x * a + b }
}
/// x + s, kept apart from `AffineKernel` so x + s is exactly one rounding.
struct AddScalarKernel: UnaryKernel {
  let s: Float
  func callAsFunction(_ x: F8) -> F8 { x + s }
}
struct MulScalarKernel: UnaryKernel {
  let s: Float
  func callAsFunction(_ x: F8) -> F8 { x * s }
}
struct DivScalarKernel: UnaryKernel {
  let s: Float
  func callAsFunction(_ x: F8) -> F8 { x / s }
}
struct ScalarSubKernel: UnaryKernel {
  let s: Float
  func callAsFunction(_ x: F8) -> F8 { s - x }
}
struct ScalarDivKernel: UnaryKernel {
  let s: Float
  func callAsFunction(_ x: F8) -> F8 { s / x }
}

struct AddKernel: BinaryKernel { func callAsFunction(_ a: F8, _ b: F8) -> F8 { a + b } }
struct SubKernel: BinaryKernel { func callAsFunction(_ a: F8, _ b: F8) -> F8 { a - b } }
struct MulKernel: BinaryKernel { func callAsFunction(_ a: F8, _ b: F8) -> F8 { a * b } }
struct DivKernel: BinaryKernel { func callAsFunction(_ a: F8, _ b: F8) -> F8 { a / b } }
/// dy·(1 − y²): the tanh derivative from its output.
struct TanhBackwardKernel: BinaryKernel { func callAsFunction(_ dy: F8, _ y: F8) -> F8 { dy * (1 - y * y) } }
/// dy·y·(1 − y): the sigmoid derivative from its output.
struct SigmoidBackwardKernel: BinaryKernel { func callAsFunction(_ dy: F8, _ y: F8) -> F8 { dy * y * (1 - y) } }
/// dy where x > 0, else 0: the relu derivative from its input.
struct ReluBackwardKernel: BinaryKernel {
  func callAsFunction(_ dy: F8, _ x: F8) -> F8 { dy.replacing(with: 0, where: x .<= 0) }
}
