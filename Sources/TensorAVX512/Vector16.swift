/// Loads and stores of the AVX-512 tiles: 16-lane vectors, and 16 lanes made of two 8-float halves.
typealias F16 = SIMD16<Float>
typealias F8 = SIMD8<Float>

enum Vector16 {
  @inline(__always)
  static func load(_ p: UnsafePointer<Float>) -> F16 {
    UnsafeRawPointer(p).loadUnaligned(as: F16.self)
  }

  @inline(__always)
  static func load8(_ p: UnsafePointer<Float>) -> F8 {
    UnsafeRawPointer(p).loadUnaligned(as: F8.self)
  }

  /// Lanes 0–7 from `a`, lanes 8–15 from `b`.
  @inline(__always)
  static func pair(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> F16 {
    F16(lowHalf: load8(a), highHalf: load8(b))
  }

  /// The 8 floats at `p` in both halves.
  @inline(__always)
  static func broadcast8(_ p: UnsafePointer<Float>) -> F16 {
    let v = load8(p)
    return F16(lowHalf: v, highHalf: v)
  }

  @inline(__always)
  static func store(_ v: F16, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: F16.self)
  }

  /// Stores the low `count` (≤ 8) lanes of an 8-lane half.
  @inline(__always)
  static func store(_ v: F8, _ p: UnsafeMutablePointer<Float>, count: Int) {
    if count == 8 {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: F8.self)
    } else {
      for i in 0..<count { p[i] = v[i] }
    }
  }
}

/// Twenty-four or twelve 16-lane accumulators saved to and restored from a partial-sum slot.
enum Accumulators16 {
  @inline(__always)
  static func load(_ q: UnsafePointer<Float>, _ i: Int) -> F16 { Vector16.load(q + 16 &* i) }

  @inline(__always)
  static func store(_ v: F16, _ q: UnsafeMutablePointer<Float>, _ i: Int) {
    Vector16.store(v, q + 16 &* i)
  }
}
