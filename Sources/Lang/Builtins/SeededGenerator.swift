/// `SeededGenerator(seed: 42)`: a random number generator for `shuffled(using:)`,
/// `shuffle(using:)`, `Int.random(in:using:)` (SplitMix64: state += 0x9E3779B97F4A7C15, then mixed).
///
/// Without `using:`, those functions draw a fresh generator from the session's seed stream
/// (`Session.nextSeed`, which `%seed` resets in a notebook), so every random choice is reproducible.
final class SeededGenerator: HostObject {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  var typeName: String { "SeededGenerator" }
  var description: String { "SeededGenerator" }
  var members: [Member] {
    [.method("next", returns: "Int", doc: "The next 64 random bits as an Int.")]
  }

  func callMethod(_ name: String, arguments: [(label: String?, value: Value)], context: CallContext)
    throws -> Value?
  {
    guard name == "next", arguments.isEmpty else { return nil }
    return .int(Int(bitPattern: UInt(next())))
  }

  /// The next 64 bits.
  func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound (bound > 0), by multiply-shift (no modulo bias worth naming).
  func next(below bound: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in 0..<1 with 53 random bits.
  func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// The elements in Fisher–Yates order.
  func shuffle(_ elements: [Value]) -> [Value] {
    var result = elements
    var position = result.count - 1
    while position > 0 {
      result.swapAt(position, next(below: position + 1))
      position -= 1
    }
    return result
  }

  /// The argument at `index` as a generator; a TypeError otherwise.
  static func argument(_ call: MethodCall, _ index: Int) throws -> SeededGenerator {
    guard let generator = call[index].host(as: SeededGenerator.self) else {
      throw call.fail(
        .wrongType(call.function, expected: "a SeededGenerator(seed:)", got: call[index].typeName))
    }
    return generator
  }
}
