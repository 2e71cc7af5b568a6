import Cancellation
import Display
import Foundation
import Lang
import Testing

/// Deterministic random inputs: byte soup, token soup and mutated fixtures. Every input must end
/// (a crash or a hang fails the run) with success or one of the language's errors, diagnostics
/// inside the cell, and a session that keeps its bindings; and the inputs each kind stands for
/// give their exact errors.
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
    "let", "var", "func", "if", "else", "for", "in", "while", "return", "break", "guard", "x", "y",
    "f", "$0",
    "(", ")", "[", "]", "{", "}", ",", ":", ".", "..<", "...", "+", "-", "*", "/", "%", "==", "&&",
    "!", "??",
    "?", "=", "+=", "1", "0", "2.5", "\"s\\(x)\"", "nil", "true", "\n", ";", "print", "Int",
    "[1, 2]", "x.count",
    "Sequential", "Conv2D", "%time", "%who", "struct", "\"", "/*", "//", "`", "ü", "🙂", "repeat",
    "display",
  ]

  static var corpus: [String] {
    let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory?.path ?? "")) ?? []
    return names.sorted().compactMap { name in
      directory.flatMap {
        try? String(contentsOf: $0.appendingPathComponent(name), encoding: .utf8)
      }
    }
  }

  /// The error kinds the language itself raises; anything else from a random cell is a bug.
  static let languageErrors: Set<String> = [
    "SyntaxError", "NameError", "TypeError", "ValueError", "IndexError", "ArithmeticError",
    "AssertionError", "RecursionError", "StepLimitError",
  ]

  /// Runs `bytes` as a cell of a fresh session (step budget `stepLimit`), as `fuzzOne` does, and
  /// checks what every input must give: success or one of the language's errors, with a message
  /// and diagnostics inside the cell; and a session that still answers and keeps its bindings.
  /// Returns the error kind (nil on success).
  @discardableResult
  static func check(_ bytes: [UInt8], stepLimit: Int) -> String? {
    fuzzOne(bytes, stepLimit: stepLimit)  // completion, inspection, is-complete: must return
    let source = String(decoding: bytes, as: UTF8.self)
    let session = Session()
    session.stepLimit = stepLimit
    _ = session.execute("let kept = 7", sink: RecordingSink(), cancellation: CancellationToken())
    let result = session.execute(
      source, cellName: "fuzz", sink: RecordingSink(inputLines: ["line"]),
      cancellation: CancellationToken())
    let after = session.execute(
      "kept + 1", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(
      after.value?.plainText == "8", "the session lost a binding after \(source.debugDescription)")
    guard let error = result.error else { return nil }
    #expect(languageErrors.contains(error.name), "\(error.name) from \(source.debugDescription)")
    #expect(!error.message.isEmpty && !error.diagnostics.isEmpty)
    let length = source.unicodeScalars.count
    for diagnostic in error.diagnostics where diagnostic.file.name == "fuzz" {
      #expect(
        diagnostic.span.start >= 0 && diagnostic.span.end <= length + 1,
        "span \(diagnostic.span) outside \(source.debugDescription)")
    }
    return error.name
  }

  /// The exact error of `source`.
  static func error(of source: String, stepLimit: Int = 2_000) -> String {
    let session = Session()
    session.stepLimit = stepLimit
    let result = session.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
    return result.error.map { "\($0.name): \($0.message)" } ?? "no error"
  }

  @Test func randomBytes() {
    var random = Generator(state: 1)
    var kinds: [String: Int] = [:]
    for _ in 0..<600 {
      let length = Int.random(in: 0..<80, using: &random)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      kinds[Self.check(bytes, stepLimit: 2_000) ?? "ok", default: 0] += 1
    }
    #expect(kinds["SyntaxError", default: 0] > 300, "\(kinds)")
    #expect(Self.error(of: "\u{FFFD}\u{FFFD}") == "SyntaxError: invalid character in source file")
    #expect(
      Self.error(of: String(decoding: [0xC3, 0x28], as: UTF8.self))
        == "SyntaxError: invalid character in source file")
    #expect(Self.error(of: "") == "no error")
  }

  @Test func tokenSoup() {
    var random = Generator(state: 2)
    var kinds: [String: Int] = [:]
    for _ in 0..<1_500 {
      let count = Int.random(in: 1..<30, using: &random)
      let words = (0..<count).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
      kinds[
        Self.check(Array(words.joined(separator: " ").utf8), stepLimit: 2_000) ?? "ok", default: 0] +=
        1
    }
    #expect(kinds.count >= 3, "token soup should reach several outcomes: \(kinds)")
    #expect(Self.error(of: "let") == "SyntaxError: expected pattern in variable")
    #expect(Self.error(of: "x +* 2") == "SyntaxError: unknown operator '+*'")
    let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
    #expect(
      Self.error(of: deep) == "SyntaxError: the code is nested too deeply (more than 200 levels)")
  }

  @Test func mutatedFixtures() {
    var random = Generator(state: 3)
    let sources = Self.corpus.map { Array($0.utf8) }
    #expect(sources.count > 10, "the Lang fixtures are the corpus")
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
      Self.check(bytes, stepLimit: 5_000)
    }
    #expect(Self.error(of: "while true { }") == "StepLimitError: the cell ran more than 2000 steps")
    #expect(
      Self.error(of: "func f(_ n: Int) -> Int { f(n + 1) }\nf(0)")
        == "RecursionError: function calls nested more than 256 deep")
    #expect(
      Self.error(of: "[1, 2][5]")
        == "IndexError: index 5 is out of range for a collection of 2 elements")
    #expect(
      Self.error(of: "let a = 1\na = 2")
        == "TypeError: cannot assign to 'a': it is a 'let' constant")
  }
}
