/// The roles of text in a rendered diagnostic; a decorator colours each.
public enum DiagnosticStyle: Sendable {
  case kind, message, gutter, location, source, underline, hint
}

/// Decides how styled text looks: plain for tests and files, ANSI for Jupyter tracebacks.
public protocol DiagnosticDecorator: Sendable {
  /// Returns `text` decorated for `style`.
  func decorate(_ text: String, as style: DiagnosticStyle) -> String
}

/// No decoration at all.
public struct PlainDecorator: DiagnosticDecorator {
  public init() {}
  public func decorate(_ text: String, as style: DiagnosticStyle) -> String { text }
}

/// ANSI SGR colours: red kind and carets, blue gutter, cyan hint.
public struct ANSIDecorator: DiagnosticDecorator {
  public init() {}
  public func decorate(_ text: String, as style: DiagnosticStyle) -> String {
    guard !text.isEmpty else { return text }
    let code: String
    switch style {
    case .kind: code = "1;31"
    case .message: code = "1"
    case .gutter, .location: code = "1;34"
    case .source: return text
    case .underline: code = "1;31"
    case .hint: code = "36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

/// Renders diagnostics as lines: kind and cause, location, gutter, source line, underline, hint.
///
/// ```
/// NameError: cannot find 'lenett' in scope
///  --> cell1:3:9
///   |
/// 3 | let y = lenett.summary()
///   |         ^~~~~~
///   = hint: did you mean 'lenet'?
/// ```
/// A runtime error inside a function adds one `--> file:line:col, called from here` block per call.
public struct DiagnosticFormatter: Sendable {
  let decorator: any DiagnosticDecorator

  /// A formatter with the given decorator.
  public init(decorator: any DiagnosticDecorator = PlainDecorator()) { self.decorator = decorator }

  /// The lines of one diagnostic.
  public func lines(for diagnostic: Diagnostic) -> [String] {
    let message = diagnostic.message
    var lines = [d(message.kind, .kind) + d(": " + message.text, .message)]
    let inFunction = diagnostic.callChain.first.map { ", in \($0.function)" } ?? ""
    let width = gutterWidth(diagnostic)
    lines += snippet(file: diagnostic.file, span: diagnostic.span, note: inFunction, width: width)
    let chain = diagnostic.callChain
    for (position, site) in chain.enumerated() {
      if chain.count > 6 && position >= 3 && position < chain.count - 2 {
        if position == 3 {
          lines.append(d(pad("", width) + " : ", .gutter) + "… \(chain.count - 5) more calls …")
        }
        continue
      }
      lines += snippet(file: site.file, span: site.span, note: ", called from here", width: width)
    }
    if let hint = message.hint {
      lines.append(d(pad("", width) + " = ", .gutter) + d("hint: " + hint, .hint))
    }
    return lines
  }

  /// The lines of several diagnostics, in order.
  public func lines(for diagnostics: [Diagnostic]) -> [String] {
    diagnostics.flatMap { lines(for: $0) }
  }

  private func gutterWidth(_ diagnostic: Diagnostic) -> Int {
    var widest = String(diagnostic.file.location(of: diagnostic.span.start).line).count
    for site in diagnostic.callChain {
      widest = max(widest, String(site.file.location(of: site.span.start).line).count)
    }
    return widest
  }

  private func snippet(file: SourceFile, span: Span, note: String, width: Int) -> [String] {
    let (line, column) = file.location(of: span.start)
    let source = file.lineText(line)
    let lineLength = source.unicodeScalars.count
    let endColumn = min(file.location(of: max(span.start, span.end)).column, lineLength + 1)
    let sameLine = file.location(of: span.end).line == line
    let length = sameLine ? max(1, endColumn - column) : max(1, lineLength + 1 - column)
    let (shown, shownColumn) = Self.window(source, column: column)
    let marker = "^" + String(repeating: "~", count: min(length, Self.widestLine) - 1)
    let blank = pad("", width)
    return [
      d(blank + "--> ", .gutter) + d("\(file.name):\(line):\(column)" + note, .location),
      d(blank + " |", .gutter),
      d(pad(String(line), width) + " | ", .gutter) + d(shown, .source),
      d(blank + " | ", .gutter) + String(repeating: " ", count: shownColumn - 1)
        + d(marker, .underline),
    ].map(trimTrailing)
  }

  /// Longest source line shown whole; a longer one is cut to this many scalars around the column.
  static let widestLine = 160

  /// The part of `source` shown (with `…` where cut) and where `column` falls in it.
  static func window(_ source: String, column: Int) -> (String, Int) {
    let scalars = Array(source.unicodeScalars)
    guard scalars.count > widestLine else { return (source, column) }
    let start = max(0, min(column - 1 - widestLine / 4, scalars.count - widestLine))
    let end = min(scalars.count, start + widestLine)
    var text = start > 0 ? "…" : ""
    text.unicodeScalars.append(contentsOf: scalars[start..<end])
    if end < scalars.count { text += "…" }
    return (text, column - start + (start > 0 ? 1 : 0))
  }

  private func d(_ text: String, _ style: DiagnosticStyle) -> String {
    decorator.decorate(text, as: style)
  }

  private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private func trimTrailing(_ line: String) -> String {
    var result = line
    while result.last == " " { result.removeLast() }
    return result
  }
}
