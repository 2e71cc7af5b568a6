import TextFormat

/// HTML helpers: every text that reaches markup goes through `Markup.escape` (TextFormat), so a
/// class name or a user's string cannot inject tags.
enum HTML {
  /// A table with a header row and body rows (cells escaped); `numeric` columns align right.
  static func table(
    header: [String], rows: [[String]], numeric: Set<Int> = [], caption: String? = nil
  ) -> String {
    var html =
      "<table class=\"stride-table\" style=\"border-collapse:collapse;font-family:monospace\">"
    if let caption {
      html += "<caption style=\"text-align:left\">\(Markup.escape(caption))</caption>"
    }
    if !header.isEmpty {
      html +=
        "<thead><tr>"
        + header.map {
          "<th style=\"padding:2px 8px;border-bottom:1px solid #888\">\(Markup.escape($0))</th>"
        }.joined() + "</tr></thead>"
    }
    html += "<tbody>"
    for row in rows {
      html += "<tr>"
      for (column, cell) in row.enumerated() {
        let align = numeric.contains(column) ? "right" : "left"
        html += "<td style=\"padding:2px 8px;text-align:\(align)\">\(Markup.escape(cell))</td>"
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
}
