/// Did-you-mean: the closest name by edit distance, when close enough to be a likely typo.
enum Suggestions {
  /// The candidate within `max(1, name.count / 3)` edits of `name` (case-insensitive), nearest
  /// first, ties broken alphabetically; nil when none is that close.
  static func closest(to name: String, among candidates: [String]) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for candidate in candidates where abs(candidate.count - name.count) <= limit {
      let distance = editDistance(name, candidate)
      if distance <= limit,
        best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true
      {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Levenshtein distance of the lowercased strings (one row of the table).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased())
    let y = Array(b.lowercased())
    guard !x.isEmpty else { return y.count }
    var row = Array(0...y.count)
    for i in 1...x.count {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: y.count, by: 1) {
        let saved = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
        previous = saved
      }
    }
    return row[y.count]
  }
}
