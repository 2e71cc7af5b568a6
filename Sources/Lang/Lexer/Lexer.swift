import Cancellation

/// Turns a span of a source file into tokens, reporting what it cannot read as diagnostics.
///
/// The lexer never fails: bad characters become diagnostics and are skipped, so the parser always
/// receives a token list ending in `.endOfInput`.
struct Lexer {
  let file: SourceFile
  let scalars: [Unicode.Scalar]
  var position: Int
  let end: Int
  var tokens: [Token] = []
  var diagnostics: [Diagnostic] = []
  /// How many string interpolations enclose this span (`"\(` inside `"\(` …).
  var interpolationDepth = 0
  /// Set once interpolations nested past `maximumInterpolationNesting`: the rest is not lexed.
  var abandoned = false
  /// The deepest string interpolations may nest. Each level re-lexes its span once when parsed,
  /// so the bound keeps lexing and parsing linear in the cell's size.
  static let maximumInterpolationNesting = 16
  private var sawNewline = true
  private var sawSpace = true

  init(file: SourceFile, span: Span? = nil, interpolationDepth: Int = 0) {
    self.file = file
    self.scalars = file.scalars
    self.position = span?.start ?? 0
    self.end = min(span?.end ?? file.scalars.count, file.scalars.count)
    self.sawNewline = span == nil
    self.interpolationDepth = interpolationDepth
  }

  /// Polled every 4096 tokens: when it is set the rest is not lexed (`interrupted`).
  var cancellation: CancellationToken?
  /// Whether lexing stopped because `cancellation` was set.
  var interrupted = false

  /// Lexes everything; the last token is `.endOfInput`.
  mutating func tokenize() -> [Token] {
    while !abandoned {
      skipTrivia()
      guard position < end else { break }
      lexToken()
      if tokens.count & 4095 == 0, cancellation?.isCancelled == true {
        interrupted = true
        abandoned = true
      }
    }
    appendToken(Token(kind: .endOfInput, text: "", span: Span(end, end)))
    return tokens
  }

  mutating func appendToken(_ token: Token) {
    var token = token
    token.newlineBefore = sawNewline
    token.spaceBefore = sawSpace
    if !tokens.isEmpty { tokens[tokens.count - 1].spaceAfter = sawSpace }
    tokens.append(token)
    sawNewline = false
    sawSpace = false
  }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let index = position + offset
    return index < end ? scalars[index] : nil
  }

  mutating func report(_ message: DiagnosticMessage, _ span: Span, atEnd: Bool = false) {
    var diagnostic = Diagnostic(message, file: file, span: span)
    diagnostic.atEndOfInput = atEnd
    diagnostics.append(diagnostic)
  }

  // MARK: - Trivia

  private mutating func skipTrivia() {
    while let scalar = peek() {
      if scalar == "\n" {
        sawNewline = true
        sawSpace = true
        position += 1
      } else if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{FEFF}" {
        sawSpace = true
        position += 1
      } else if scalar == "/", peek(1) == "/" {
        while let next = peek(), next != "\n" { position += 1 }
        sawSpace = true
      } else if scalar == "/", peek(1) == "*" {
        skipBlockComment()
        sawSpace = true
      } else {
        return
      }
    }
  }

  private mutating func skipBlockComment() {
    let start = position
    var depth = 0
    while position < end {
      if peek() == "/", peek(1) == "*" {
        depth += 1
        position += 2
      } else if peek() == "*", peek(1) == "/" {
        depth -= 1
        position += 2
        if depth == 0 { return }
      } else {
        if peek() == "\n" { sawNewline = true }
        position += 1
      }
    }
    report(.unterminatedComment(), Span(start, start + 2), atEnd: true)
  }

  // MARK: - Tokens

  private mutating func lexToken() {
    guard let scalar = peek() else { return }
    let start = position
    if scalar == "%", sawNewline, let next = peek(1), next == "%" || isIdentifierStart(next) {
      lexMagic()
    } else if isIdentifierStart(scalar) || scalar == "$" {
      lexIdentifier()
    } else if scalar == "`" {
      lexBacktickIdentifier()
    } else if isDigit(scalar) {
      lexNumber()
    } else if scalar == "\"" {
      lexString()
    } else if let op = matchPunctuation() {
      position += op.unicodeScalars.count
      appendToken(Token(kind: .punctuation, text: op, span: Span(start, position)))
    } else {
      position += 1
      report(.unexpectedCharacter(String(scalar)), Span(start, position))
    }
  }

  private static let punctuation: [String] = [
    "..<", "...", "==", "!=", "<=", ">=", "&&", "||", "??", "->", "+=", "-=", "*=", "/=", "%=",
    "+", "-", "*", "/", "%", "<", ">", "=", "!", "?", ":", ",", ".", ";", "(", ")", "[", "]", "{",
    "}", "&", "|", "^", "~", "@", "#", "\\",
  ]

  private func matchPunctuation() -> String? {
    for candidate in Self.punctuation {
      var matches = true
      for (offset, scalar) in candidate.unicodeScalars.enumerated() where peek(offset) != scalar {
        matches = false
        break
      }
      if matches { return candidate }
    }
    return nil
  }

  private mutating func lexIdentifier() {
    let start = position
    position += 1
    while let scalar = peek(), isIdentifierContinue(scalar) { position += 1 }
    let text = file.text(Span(start, position))
    let kind: Token.Kind = Keywords.all.contains(text) ? .keyword : .identifier
    if text == "$" {
      report(.unexpectedCharacter("$"), Span(start, position))
      return
    }
    appendToken(Token(kind: kind, text: text, span: Span(start, position)))
  }

  private mutating func lexBacktickIdentifier() {
    let start = position
    position += 1
    while let scalar = peek(), isIdentifierContinue(scalar) { position += 1 }
    guard peek() == "`", position > start + 1 else {
      report(.unexpectedCharacter("`"), Span(start, start + 1))
      position = start + 1
      return
    }
    position += 1
    let name = file.text(Span(start + 1, position - 1))
    appendToken(Token(kind: .identifier, text: name, span: Span(start, position)))
  }

  private mutating func lexMagic() {
    let start = position
    position += 1
    if peek() == "%" { position += 1 }
    while let scalar = peek(), isIdentifierContinue(scalar) { position += 1 }
    let name = file.text(Span(start, position))
    while peek() == " " || peek() == "\t" { position += 1 }
    let argumentStart = position
    while let scalar = peek(), scalar != "\n" { position += 1 }
    let argument = Span(argumentStart, position)
    appendToken(Token(kind: .magic(name: name, argument: argument), text: name, span: Span(start, position)))
  }

  func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

  func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.isEmojiPresentation
  }

  func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar) || scalar.properties.generalCategory == .decimalNumber
  }

  var previousIsDot: Bool {
    guard let last = tokens.last else { return false }
    return last.isPunct(".") && last.span.end == position
  }
}
