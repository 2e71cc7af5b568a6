import Display

/// A cell that failed: Jupyter's `ename`, `evalue` and `traceback`, plus the diagnostics.
public struct CellError: Error, Sendable, Equatable {
  /// The error kind (`SyntaxError`, `NameError`, `TypeError`, `ShapeError`, `Interrupted`, …).
  public let name: String
  /// The one-line cause.
  public let message: String
  /// The rendered diagnostics, one line per entry, ANSI-coloured.
  public let traceback: [String]
  /// The same text without colour, lines joined by newlines.
  public let plainText: String
  /// The diagnostics as data (a parse error may report several).
  public let diagnostics: [Diagnostic]

  init(_ diagnostics: [Diagnostic]) {
    let first = diagnostics.first
    self.name = first?.message.kind ?? "Error"
    self.message = first?.message.text ?? "unknown error"
    self.traceback = DiagnosticFormatter(decorator: ANSIDecorator()).lines(for: diagnostics)
    self.plainText = DiagnosticFormatter().lines(for: diagnostics).joined(separator: "\n")
    self.diagnostics = diagnostics
  }
}

/// What running a cell produced: the display bundle of its last expression, or an error.
public struct CellResult {
  /// The last expression's value as a bundle (nil: none, a trailing `;`, or Void).
  public var value: MimeBundle?
  /// The raw value behind `value` (for hosts and tests).
  public var rawValue: Value?
  /// Set when the cell failed.
  public var error: CellError?
  /// Set when the cell ran `exit`/`quit`: the front end should end the session.
  public var exitRequest: ExitRequest?

  /// Whether the cell ran without error.
  public var succeeded: Bool { error == nil }
}

/// The answer to Jupyter's `is_complete_request`.
public enum Completeness: Equatable, Sendable {
  case complete
  /// More input is needed; `indent` is the suggested indentation of the next line.
  case incomplete(indent: String)
  case invalid
}
