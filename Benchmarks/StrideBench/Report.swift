/// JSON lines on stdout, one object per measurement (keys in insertion order).
enum Report {
  enum Value {
    case string(String), int(Int), double(Double), bool(Bool), array([Value]), object(
      [(String, Value)])

    var json: String {
      switch self {
      case .string(let s): return "\"" + s.replacingOccurrences("\"", "\\\"") + "\""
      case .int(let i): return String(i)
      case .double(let d): return d.isFinite ? String((d * 1000).rounded() / 1000) : "null"
      case .bool(let b): return b ? "true" : "false"
      case .array(let a): return "[" + a.map(\.json).joined(separator: ", ") + "]"
      case .object(let o):
        return "{" + o.map { "\"\($0.0)\": \($0.1.json)" }.joined(separator: ", ") + "}"
      }
    }
  }

  static func line(_ fields: KeyValuePairs<String, Value>) {
    print(Value.object(fields.map { ($0.key, $0.value) }).json)
  }

  static func line(_ fields: [(String, Value)]) {
    print(Value.object(fields).json)
  }

  /// {"median", "min", "max", "values"} of a list of figures.
  static func stats(_ v: [Double]) -> Value {
    .object([
      ("median", .double(Timing.median(v))), ("min", .double(v.min() ?? 0)),
      ("max", .double(v.max() ?? 0)),
      ("values", .array(v.map { .double($0) })),
    ])
  }
}

extension String {
  fileprivate func replacingOccurrences(_ a: String, _ b: String) -> String {
    split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
  }
}
