import Glibc

/// A tiny seeded generator (SplitMix64, Steele et al. 2014): data order and augmentation, the
/// seeding of `SeededGenerator`, and (its finaliser `mix`) every derived seed.
///
/// Data sets draw from their own stream so that shuffling never depends on how many numbers
/// the model's initialisation or dropout consumed. `uniform(below:)` is defined here, not by the
/// standard library, so the same seed gives the same order on every Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A generator for a sub-stream: the same (seed, stream) always gives the same numbers.
  public init(seed: UInt64, stream: UInt64) {
    var mixer = SplitMix64(seed: seed ^ (stream &* Self.increment))
    state = mixer.next() ^ stream
  }

  /// The golden-ratio increment of the state.
  public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

  public mutating func next() -> UInt64 {
    state &+= Self.increment
    return Self.mix(state)
  }

  /// SplitMix64's finaliser: a bijective scramble of 64 bits (Stafford's variant 13).
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// One draw without advancing, for deriving a sub-seed.
  public func peek() -> UInt64 {
    var copy = self
    return copy.next()
  }

  /// A uniform integer in 0..<bound (bound > 0), by rejection so that no value is favoured.
  public mutating func uniform(below bound: Int) -> Int {
    let b = UInt64(bound)
    let limit = UInt64.max - UInt64.max % b
    var x = next()
    while x >= limit { x = next() }
    return Int(x % b)
  }

  /// A uniform Float in [0, 1) with 24 random bits.
  public mutating func unitFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

  /// A standard normal sample (Box–Muller).
  public mutating func normal() -> Float {
    let u1 = max(unitFloat(), 0x1p-24)
    let u2 = unitFloat()
    return (-2 * logf(u1)).squareRoot() * cosf(2 * .pi * u2)
  }

  /// A Fisher–Yates shuffle of `values`.
  public mutating func shuffle<T>(_ values: inout [T]) {
    guard values.count > 1 else { return }
    for i in stride(from: values.count - 1, to: 0, by: -1) {
      values.swapAt(i, uniform(below: i + 1))
    }
  }
}
