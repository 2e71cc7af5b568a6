import Lang

/// A call's argument label that no parameter has, caught before binding so the error can name the
/// closest label (`axes:` → `axis:`) and the signature.
enum LabelCheck {
  static func check(_ labels: [String?], _ parameters: [Parameter], function: String) throws {
    let known = parameters.compactMap(\.label)
    for case let label? in labels where label.first?.isLetter == true && !known.contains(label) {
      let closest = known.min { distance(label, $0) < distance(label, $1) }
      let near = closest.map { distance(label, $0) <= Swift.max(2, label.count / 2) } ?? false
      let signature =
        "(" + parameters.map { "\($0.label ?? "_"): \($0.type ?? "Any")" }.joined(separator: ", ")
        + ")"
      throw HostError(
        "TypeError", "\(function) has no argument label '\(label):'",
        hint: (near ? "did you mean '\(closest!):'? " : "")
          + "the signature is \(function)\(signature)")
    }
  }

  /// Levenshtein distance between two short labels.
  static func distance(_ a: String, _ b: String) -> Int {
    let (x, y) = (Array(a), Array(b))
    var row = Array(0...y.count)
    for i in 1...Swift.max(x.count, 1) where !x.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in 1...Swift.max(y.count, 1) where !y.isEmpty {
        let saved = row[j]
        row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
        previous = saved
      }
    }
    return x.isEmpty ? y.count : row[y.count]
  }
}
