/// What a diagnostic says: a stable id, the error kind, the one-line cause and an optional hint.
///
/// Messages are made only by the static functions of `DiagnosticCatalog.swift`, so every text the
/// user can see lives in one sorted file and each has a stable `id` (the function's name).
public struct DiagnosticMessage: Sendable, Equatable {
  /// Stable identifier, e.g. `undefinedName`.
  public let id: String
  /// The error kind, Jupyter's `ename`: `SyntaxError`, `NameError`, `TypeError`, `ShapeError`, …
  public let kind: String
  /// The cause in one line (Jupyter's `evalue`).
  public let text: String
  /// What to do about it, if there is advice.
  public let hint: String?

  /// Makes a message; hosts use it for their own errors (see `HostError`).
  public init(id: String, kind: String, text: String, hint: String? = nil) {
    self.id = id
    self.kind = kind
    self.text = text
    self.hint = hint
  }
}

/// One step of a call chain: where a function was called from.
public struct CallSite: Sendable, Equatable {
  /// The file of the call.
  public let file: SourceFile
  /// The call expression.
  public let span: Span
  /// The called function's signature name, e.g. `area(width:height:)`.
  public let function: String

  public static func == (lhs: CallSite, rhs: CallSite) -> Bool {
    lhs.file === rhs.file && lhs.span == rhs.span && lhs.function == rhs.function
  }
}

/// An error located in source: message, file and span, and the call chain that led there.
public struct Diagnostic: Sendable, Equatable {
  /// The message.
  public let message: DiagnosticMessage
  /// The file holding `span`.
  public let file: SourceFile
  /// The exact range the error is about.
  public let span: Span
  /// Innermost first: the function the error happened in was called at `callChain[0]`, …
  public var callChain: [CallSite] = []
  /// Whether the error is only that the input ended too early (used by `isComplete`).
  var atEndOfInput = false

  /// Makes a diagnostic.
  public init(_ message: DiagnosticMessage, file: SourceFile, span: Span) {
    self.message = message
    self.file = file
    self.span = span
  }

  public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.message == rhs.message && lhs.file === rhs.file && lhs.span == rhs.span
      && lhs.callChain == rhs.callChain
  }

  /// `cell3:2:7`.
  public var locationText: String {
    let location = file.location(of: span.start)
    return "\(file.name):\(location.line):\(location.column)"
  }
}
