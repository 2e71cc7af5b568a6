import Foundation
import Lang
import Testing

/// Deterministic random inputs through `fuzzOne`: byte soup, token soup and mutated fixtures.
/// Reaching the end is the assertion: a crash or a hang fails the run.
struct RobustnessTests {
  /// SplitMix64, so every input follows from the seed. A test-only copy of Tensor's `SplitMix64`:
  /// Lang's tests stay off the engine, and this one only picks fuzz inputs.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let vocabulary = [
    "let", "var", "func", "if", "else", "for", "in", "while", "return", "break", "guard", "x", "y", "f", "$0",
    "(", ")", "[", "]", "{", "}", ",", ":", ".", "..<", "...", "+", "-", "*", "/", "%", "==", "&&", "!", "??",
    "?", "=", "+=", "1", "0", "2.5", "\"s\\(x)\"", "nil", "true", "\n", ";", "print", "Int", "[1, 2]", "x.count",
    "Sequential", "Conv2D", "%time", "%who", "struct", "\"", "/*", "//", "`", "ü", "🙂", "repeat", "display",
  ]

  static var corpus: [String] {
    let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory?.path ?? "")) ?? []
    return names.sorted().compactMap { name in
      directory.flatMap { try? String(contentsOf: $0.appendingPathComponent(name), encoding: .utf8) }
    }
  }

  @Test func randomBytes() {
    var random = Generator(state: 1)
    for _ in 0..<600 {
      let length = Int.random(in: 0..<80, using: &random)
      fuzzOne((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }, stepLimit: 2_000)
    }
  }

  @Test func tokenSoup() {
    var random = Generator(state: 2)
    for _ in 0..<1_500 {
      let count = Int.random(in: 1..<30, using: &random)
      let words = (0..<count).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
      fuzzOne(Array(words.joined(separator: " ").utf8), stepLimit: 2_000)
    }
  }

  @Test func mutatedFixtures() {
    var random = Generator(state: 3)
    let sources = Self.corpus.map { Array($0.utf8) }
    guard !sources.isEmpty else { return }
    for _ in 0..<600 {
      var bytes = sources[Int.random(in: 0..<sources.count, using: &random)]
      for _ in 0..<Int.random(in: 1..<6, using: &random) where !bytes.isEmpty {
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes.remove(at: position)
        case 1: bytes.insert(UInt8.random(in: 32...126, using: &random), at: position)
        default: bytes[position] = UInt8.random(in: 0...255, using: &random)
        }
      }
      fuzzOne(bytes, stepLimit: 5_000)
    }
  }
}
