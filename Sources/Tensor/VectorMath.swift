/// Eight-lane float math for the elementwise hot paths (AVX2 + FMA).
///
/// `exp` follows the Cephes single-precision algorithm (range reduction and a minimax
/// polynomial, about 2 ulp), `tanh` a rational approximation (error below 4·10⁻⁷); tails shorter than 8 lanes go through the same vector
/// code, so every element gets the same float operations wherever it sits.
typealias F8 = SIMD8<Float>

enum VectorMath {
  /// eˣ for each lane (overflow → +inf, underflow → 0, NaN propagates).
  @inline(__always)
  static func exp(_ v: F8) -> F8 {
    var x = v.replacing(with: -87.336544, where: v .< -87.336544)
    x.replace(with: 88.72283, where: x .> 88.72283)
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
    // 2^fx built from its bit pattern: adding 1.5·2²³ puts the integer fx in the low mantissa
    // bits (exact for |fx| < 2²²), which avoids a slow generic float→int conversion.
    let magic = unsafeBitCast(fx + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let scale = unsafeBitCast((magic &+ 127) &<< 23, to: F8.self)
    var out = y * scale
    out.replace(with: F8(repeating: .infinity), where: v .> 88.72283)
    out.replace(with: F8(repeating: 0), where: v .< -87.336544)
    out.replace(with: v, where: v .!= v)
    return out
  }

  /// tanh for each lane: a 13/6 rational minimax approximation on [−7.99, 7.99] (saturated
  /// beyond, the identity below 4·10⁻⁴); absolute error below 4·10⁻⁷, no exp, no branches.
  @inline(__always)
  static func tanh(_ v: F8) -> F8 {
    let limit: Float = 7.99881172180175781
    var x = v.replacing(with: limit, where: v .> limit)
    x.replace(with: -limit, where: x .< -limit)
    let x2 = x * x
    var p = F8(repeating: -2.76076847742355e-16)
    p = p * x2 + 2.00018790482477e-13
    p = p * x2 - 8.60467152213735e-11
    p = p * x2 + 5.12229709037114e-08
    p = p * x2 + 1.48572235717979e-05
    p = p * x2 + 6.37261928875436e-04
    p = p * x2 + 4.89352455891786e-03
    p = p * x
    var q = F8(repeating: 1.19825839466702e-06)
    q = q * x2 + 1.18534705686654e-04
    q = q * x2 + 2.26843463243900e-03
    q = q * x2 + 4.89352518554385e-03
    var out = p / q
    out.replace(with: v, where: abs(v) .< 0.0004)
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
  @inline(__always) func callAsFunction(_ x: F8) -> F8
}

/// A function of two eight-lane vectors, applied by `Elementwise.apply` without closures.
protocol BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8
}

struct TanhKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { VectorMath.tanh(x) }
}
struct SigmoidKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { VectorMath.sigmoid(x) }
}
struct ExpKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { VectorMath.exp(x) }
}
struct ReluKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x.replacing(with: 0, where: x .< 0) }
}
struct NegateKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: F8) -> F8 { -x } }
struct SquareKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: F8) -> F8 { x * x } }
struct SqrtKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x.squareRoot() }
}
struct AbsKernel: UnaryKernel {
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { VectorMath.abs(x) }
}
/// a·x + b.
struct AffineKernel: UnaryKernel {
  let a: Float, b: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x * a + b }
}
/// x + s, kept apart from `AffineKernel` so x + s is exactly one rounding.
struct AddScalarKernel: UnaryKernel {
  let s: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x + s }
}
struct MulScalarKernel: UnaryKernel {
  let s: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x * s }
}
struct DivScalarKernel: UnaryKernel {
  let s: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { x / s }
}
struct ScalarSubKernel: UnaryKernel {
  let s: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { s - x }
}
struct ScalarDivKernel: UnaryKernel {
  let s: Float
  @inline(__always) func callAsFunction(_ x: F8) -> F8 { s / x }
}

/// max(0, a + b): a residual sum followed by ReLU.
struct AddReluKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8 {
    let s = a + b
    return s.replacing(with: 0, where: s .< 0)
  }
}
struct AddKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8 { a + b }
}
struct SubKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8 { a - b }
}
struct MulKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8 { a * b }
}
struct DivKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ a: F8, _ b: F8) -> F8 { a / b }
}
/// dy·(1 − y²): the tanh derivative from its output.
struct TanhBackwardKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ dy: F8, _ y: F8) -> F8 { dy * (1 - y * y) }
}
/// dy·y·(1 − y): the sigmoid derivative from its output.
struct SigmoidBackwardKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ dy: F8, _ y: F8) -> F8 { dy * y * (1 - y) }
}
/// dy where x > 0, else 0: the relu derivative from its input.
struct ReluBackwardKernel: BinaryKernel {
  @inline(__always) func callAsFunction(_ dy: F8, _ x: F8) -> F8 {
    dy.replacing(with: 0, where: x .<= 0)
  }
}
