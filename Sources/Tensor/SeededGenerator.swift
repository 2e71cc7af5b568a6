import Glibc

/// A deterministic random number generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream on every machine and thread count; every random choice
/// in the engine (initialisers, dropout masks, shuffles) takes one of these.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the four state words from `seed` with SplitMix64 (never all zero).
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotate(s3, 45)
    return result
  }

  /// A uniform Float in [0, 1) with 24 random bits.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A standard normal Float (Box–Muller on two uniforms; deterministic).
  public mutating func nextNormal() -> Float {
    let u1 = Double((next() >> 11) + 1) * 0x1p-53  // (0, 1]
    let u2 = Double(next() >> 11) * 0x1p-53
    let r = (-2 * Glibc.log(u1)).squareRoot()
    return Float(r * Glibc.cos(2 * Double.pi * u2))
  }

  @inline(__always)
  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension Tensor {
  /// Values drawn from N(mean, std²).
  public static func randomNormal(
    shape: [Int], mean: Float = 0, std: Float = 1, using generator: inout SeededGenerator
  ) throws(TensorError) -> Tensor {
    let n = try Shape.checkedCount(shape)
    var values = [Float](repeating: 0, count: n)
    for i in 0..<n { values[i] = mean + std * generator.nextNormal() }
    return Tensor(uncheckedShape: shape, scalars: values)
  }

  /// Values drawn uniformly from [low, high).
  public static func randomUniform(
    shape: [Int], low: Float = 0, high: Float = 1, using generator: inout SeededGenerator
  ) throws(TensorError) -> Tensor {
    let n = try Shape.checkedCount(shape)
    var values = [Float](repeating: 0, count: n)
    for i in 0..<n { values[i] = low + (high - low) * generator.nextUnitFloat() }
    return Tensor(uncheckedShape: shape, scalars: values)
  }

  /// Ones with probability `p`, zeros otherwise.
  public static func bernoulli(
    shape: [Int], p: Float, using generator: inout SeededGenerator
  ) throws(TensorError) -> Tensor {
    guard p >= 0, p <= 1 else { throw .invalidArgument("bernoulli needs 0 <= p <= 1, got \(p)") }
    let n = try Shape.checkedCount(shape)
    var values = [Float](repeating: 0, count: n)
    for i in 0..<n where generator.nextUnitFloat() < p { values[i] = 1 }
    return Tensor(uncheckedShape: shape, scalars: values)
  }
}
