import Display
import Testing

@testable import JupyterProtocol

/// The kernel's in-memory history is bounded: by cells and by bytes of text.
@Suite struct SessionHistoryTests {
  func request(_ access: String, n: Int? = nil, start: Int = 0, stop: Int? = nil) throws
    -> HistoryRequest
  {
    var content: [String: JSONValue] = [
      "hist_access_type": .string(access), "output": true,
      "start": .int(start),
    ]
    if let n { content["n"] = .int(n) }
    if let stop { content["stop"] = .int(stop) }
    return try JSONValue.object(content).decode(HistoryRequest.self)
  }

  @Test func theOldestCellsAreForgottenBeyondTheCount() throws {
    var history = SessionHistory(maxEntries: 3)
    for line in 1...10 { history.record(line: line, input: "cell \(line)", output: "\(line)") }
    #expect(history.entries.map(\.line) == [8, 9, 10])
    #expect(try history.reply(to: request("tail", n: 10)).count == 3)
    #expect(try history.reply(to: request("range", start: 1, stop: 9)).count == 1)
  }

  @Test func textIsBoundedTooButTheNewestCellStays() throws {
    var history = SessionHistory(maxEntries: 100, maxTextBytes: 10)
    history.record(line: 1, input: "abcd", output: "e")
    history.record(line: 2, input: "fghi", output: nil)
    #expect(history.entries.map(\.line) == [1, 2])
    history.record(line: 3, input: "jk", output: "l")
    #expect(history.entries.map(\.line) == [2, 3])
    history.record(line: 4, input: String(repeating: "x", count: 50), output: nil)
    #expect(history.entries.map(\.line) == [4])
  }

  @Test func aLongSessionKeepsTheDefaultBound() {
    var history = SessionHistory()
    for line in 1...5_000 { history.record(line: line, input: "1 + 1", output: "2") }
    #expect(history.entries.count == 1_000)
    #expect(history.entries.first?.line == 4_001)
  }
}
