import Cancellation
import Display
import Lang
import TestSupport
import Testing

/// Growth of the language's collections under a real address-space limit (RLIMIT_AS, set in a
/// child process by an exit test): each cell ends in a MemoryError that names the collection,
/// and the session keeps its bindings. The session runs a first cell before
/// the limit is set, as a kernel does (its big-stack thread exists by then).
struct MemoryTests {
  /// Runs `source` and checks it failed with a MemoryError about `what`; returns the session.
  static func expectMemoryError(_ source: String, _ what: String, in session: Session) {
    let result = session.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
    let error = result.error
    precondition(error?.name == "MemoryError", "\(source): \(error?.plainText ?? "no error")")
    precondition(error?.message.hasPrefix("the \(what) needs ") == true, error?.message ?? "")
    precondition(error?.message.hasSuffix(" more (RLIMIT_AS)") == true, error?.message ?? "")
  }

  static func value(_ source: String, in session: Session) -> String? {
    session.execute(source, sink: RecordingSink(), cancellation: CancellationToken()).value?
      .plainText
  }

  @Test func appendingInALoopStopsWithAMemoryError() async {
    await #expect(processExitsWith: .success) {
      let session = Session()
      _ = MemoryTests.value("1", in: session)
      limitAddressSpace(toCurrentPlus: 256 << 20)
      _ = MemoryTests.value(
        "var a: [Int] = []\nvar kept = 7\nlet chunk = Array(repeating: 1, count: 1_000_000)",
        in: session)
      MemoryTests.expectMemoryError(
        "while true { a.append(contentsOf: chunk) }", "array", in: session)
      precondition(MemoryTests.value("kept", in: session) == "7")
      precondition(MemoryTests.value("a.count > 1000000", in: session) == "true")
      MemoryTests.expectMemoryError("while true { a.append(1) }", "array", in: session)
      precondition(MemoryTests.value("kept + 1", in: session) == "8")
    }
  }

  @Test func repeatingAndConcatenatingStopWithAMemoryError() async {
    await #expect(processExitsWith: .success) {
      let session = Session()
      _ = MemoryTests.value("1", in: session)
      limitAddressSpace(toCurrentPlus: 96 << 20)
      MemoryTests.expectMemoryError(
        "var rows: [[Int]] = []\nwhile true { rows.append(Array(repeating: 0, count: 10_000_000)) }",
        "array", in: session)
      MemoryTests.expectMemoryError(
        "var s = \"0123456789abcdef\"\nvar all: [String] = []\nwhile true { s = s + s; all.append(s) }",
        "string", in: session)
      precondition(MemoryTests.value("s.count > 1000", in: session) == "true")
    }
  }

  @Test func aGrowingDictionaryStopsWithAMemoryError() async {
    await #expect(processExitsWith: .success) {
      let session = Session()
      _ = MemoryTests.value("1", in: session)
      limitAddressSpace(toCurrentPlus: 64 << 20)
      MemoryTests.expectMemoryError(
        "var d: [Int: Int] = [:]\nvar i = 0\nwhile true { d[i] = i; i += 1 }", "dictionary",
        in: session)
      precondition(MemoryTests.value("d.count > 1000", in: session) == "true")
    }
  }
}
