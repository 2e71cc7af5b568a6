import Display
import Foundation

extension Session {
  /// The name of a help request: `print?`, `?print` or `lenet.summary?` alone in a cell.
  ///
  /// As in IPython; nil for anything else. Part of the language's syntax, so every front end
  /// reads a cell the same way.
  public static func helpTopic(_ code: String) -> String? {
    let text = code.trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("?") != text.hasSuffix("?") else { return nil }
    let name = text.trimmingCharacters(in: CharacterSet(charactersIn: "?"))
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_."))
    guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first),
      name.unicodeScalars.allSatisfy(allowed.contains)
    else { return nil }
    return name
  }

  /// The help of a name (signature, documentation, example), as inspection shows it in detail;
  /// nil when the name is not defined.
  public func help(_ topic: String) -> MimeBundle? {
    inspect(topic, cursor: topic.unicodeScalars.count, detailLevel: 1)
  }
}
