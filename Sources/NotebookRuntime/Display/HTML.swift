/// HTML helpers: every text that reaches markup goes through `escape`, so a class name or a user's
/// string cannot inject tags.
enum HTML {
  /// `&`, `<`, `>`, `"` and `'` as entities.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A table with a header row and body rows (cells escaped); `numeric` columns align right.
  static func table(header: [String], rows: [[String]], numeric: Set<Int> = [], caption: String? = nil) -> String {
    var html = "<table class=\"stride-table\" style=\"border-collapse:collapse;font-family:monospace\">"
    if let caption { html += "<caption style=\"text-align:left\">\(escape(caption))</caption>" }
    if !header.isEmpty {
      html += "<thead><tr>" + header.map { "<th style=\"padding:2px 8px;border-bottom:1px solid #888\">\(escape($0))</th>" }.joined() + "</tr></thead>"
    }
    html += "<tbody>"
    for row in rows {
      html += "<tr>"
      for (column, cell) in row.enumerated() {
        let align = numeric.contains(column) ? "right" : "left"
        html += "<td style=\"padding:2px 8px;text-align:\(align)\">\(escape(cell))</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }
}

/// Number formatting shared by the displays: `61,706`, `1.2 M`.
enum Numbers {
  /// An integer with thousands separators: 61706 → "61,706".
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// A Double with at most `digits` decimals, trailing zeros dropped (deterministic, no locale).
  static func fixed(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return value.description }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return rounded.description
  }
}
