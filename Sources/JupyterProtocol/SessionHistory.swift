import Display
import Foundation

/// The inputs (and plain-text outputs) of this kernel session, for `history_request`.
///
/// History is kept in memory as one session numbered `sessionNumber`, bounded: the last
/// `maxEntries` cells (1,000, what jupyter console loads) and at most `maxTextBytes` of their
/// text (4 MiB); older cells are forgotten first, so memory stays flat however long the session.
/// Line numbers are execution counts. Requests may name the session as 0
/// (the current one, IPython's convention), as `sessionNumber`, or relative (-0); the reply
/// echoes the number the request used, as clients compare it.
struct SessionHistory {
  struct Entry: Equatable {
    var line: Int
    var input: String
    var output: String?

    var textBytes: Int { input.utf8.count + (output?.utf8.count ?? 0) }
  }

  /// The number this session reports in `tail` and `search` replies.
  let sessionNumber = 1
  let maxEntries: Int
  let maxTextBytes: Int
  private(set) var entries: [Entry] = []
  private var textBytes = 0

  /// An empty history keeping at most `maxEntries` cells and `maxTextBytes` of text (at least
  /// the newest cell is always kept).
  init(maxEntries: Int = 1_000, maxTextBytes: Int = 4 << 20) {
    self.maxEntries = max(1, maxEntries)
    self.maxTextBytes = maxTextBytes
    entries.reserveCapacity(self.maxEntries + 1)
  }

  mutating func record(line: Int, input: String, output: String?) {
    let entry = Entry(line: line, input: input, output: output)
    entries.append(entry)
    textBytes += entry.textBytes
    while entries.count > maxEntries || (textBytes > maxTextBytes && entries.count > 1) {
      textBytes -= entries.removeFirst().textBytes
    }
  }

  /// The `history` array for `request`.
  func reply(to request: HistoryRequest) -> [JSONValue] {
    switch request.histAccessType {
    case "tail": return render(tail(request.n ?? 10), session: sessionNumber, request)
    case "range": return rangeReply(request)
    case "search": return render(search(request), session: sessionNumber, request)
    default: return []
    }
  }

  private func tail(_ count: Int) -> [Entry] { Array(entries.suffix(max(0, count))) }

  private func rangeReply(_ request: HistoryRequest) -> [JSONValue] {
    guard request.session == 0 || request.session == sessionNumber else { return [] }
    let start = request.start
    let stop = request.stop ?? Int.max
    let chosen = entries.filter { $0.line >= start && $0.line < stop }
    return render(chosen, session: request.session, request)
  }

  private func search(_ request: HistoryRequest) -> [Entry] {
    var matches = entries.filter { fnmatch(request.pattern, $0.input, 0) == 0 }
    if request.unique {
      var seen = Set<String>()
      matches = matches.reversed().filter { seen.insert($0.input).inserted }.reversed()
    }
    if let count = request.n { matches = Array(matches.suffix(max(0, count))) }
    return matches
  }

  private func render(_ chosen: [Entry], session: Int, _ request: HistoryRequest) -> [JSONValue] {
    chosen.map { entry in
      let input = JSONValue.string(entry.input)
      let item: JSONValue =
        request.output ? [input, entry.output.map { JSONValue.string($0) } ?? .null] : input
      return [.int(session), .int(entry.line), item]
    }
  }
}
