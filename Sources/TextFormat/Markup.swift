/// Escaping for text that goes into markup: HTML tables and SVG documents alike.
public enum Markup {
  /// The text with markup characters as entities, so a name or a user's string cannot inject tags.
  ///
  /// `&`, `<`, `>`, `"` and `'` become entities (`&#39;`, valid in HTML and XML); the control
  /// characters XML 1.0 forbids become `?`; tab, newline and carriage return pass through.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        out.unicodeScalars.append(forbidden ? "?" : scalar)
      }
    }
    return out
  }
}
