import Cancellation

/// Recursive-descent parser from tokens to statements, split by grammar area into extensions:
/// `Parser+Statements` (declarations, control flow, magics), `Parser+Expressions` (operators and
/// postfix chains), `Parser+Primary` (literals, closures, collections), `Parser+Types` (types and
/// patterns).
///
/// It reports every error it can recover from: a failing statement throws `Recover`, the statement
/// loop records the diagnostic and skips to the next line (jlox's `synchronize`). Nesting deeper than
/// `maximumNesting` (brackets, blocks, operator chains) stops the parse with one diagnostic, so deep
/// input can never exhaust the stack of the parser, the evaluator or the tree's deallocation.
struct Parser {
  /// Thrown to abandon the current statement after its diagnostic was recorded.
  struct Recover: Error {}

  static let maximumNesting = 200

  let file: SourceFile
  var tokens: [Token]
  var index = 0
  var diagnostics: [Diagnostic] = []
  var nesting = 0
  var tooDeep = false
  var allowTrailingClosure = true
  /// For each closure being parsed, the highest `$n` used plus one.
  var implicitParameterCounts: [Int] = []

  /// How many string interpolations enclose the parsed span.
  var interpolationDepth = 0

  init(file: SourceFile, span: Span? = nil, interpolationDepth: Int = 0, cancellation: CancellationToken? = nil) {
    var lexer = Lexer(file: file, span: span, interpolationDepth: interpolationDepth)
    lexer.cancellation = cancellation
    self.tokens = lexer.tokenize()
    if lexer.interrupted {
      lexer.diagnostics.append(Diagnostic(.interrupted(), file: file, span: Span(lexer.position, lexer.position)))
    }
    self.diagnostics = lexer.diagnostics
    self.file = file
    self.interpolationDepth = interpolationDepth
    // Interpolations nested past the limit end the parse with that one diagnostic.
    self.tooDeep = lexer.abandoned
  }

  /// Parses a whole cell.
  mutating func parseCell() -> [Stmt] {
    var statements: [Stmt] = []
    while !current.isEnd && !tooDeep {
      if current.isPunct("}") {
        _ = try? fail(.unexpectedToken("}"), current.span)
        index += 1
        continue
      }
      if let statement = parseStatementRecovering() { statements.append(statement) }
    }
    return statements
  }

  // MARK: - Token access

  var current: Token { tokens[index] }

  func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

  var previousEnd: Int { index > 0 ? tokens[index - 1].span.end : 0 }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func consumePunct(_ spelling: String) -> Bool {
    guard current.isPunct(spelling) else { return false }
    advance()
    return true
  }

  /// Consumes `spelling` or reports that it was expected (after `context`).
  @discardableResult
  mutating func expect(_ spelling: String, _ context: String) throws -> Token {
    guard current.isPunct(spelling) else {
      throw fail(.expected(spelling, context), current.isEnd ? Span(previousEnd, previousEnd) : current.span)
    }
    return advance()
  }

  mutating func expectIdentifier(_ context: String) throws -> Token {
    guard current.isIdentifier else {
      if current.kind == .keyword, Keywords.supported.contains(current.text) {
        throw fail(.keywordAsName(current.text), current.span)
      }
      throw fail(.expectedName(context), current.span)
    }
    return advance()
  }

  // MARK: - Errors and nesting

  /// Records a diagnostic and returns the error that abandons the statement.
  mutating func fail(_ message: DiagnosticMessage, _ span: Span) -> Recover {
    var diagnostic = Diagnostic(message, file: file, span: span)
    diagnostic.atEndOfInput = current.isEnd
    diagnostics.append(diagnostic)
    return Recover()
  }

  /// Enters one level of nesting; stops the whole parse past the limit.
  mutating func enter() throws {
    nesting += 1
    if nesting > Self.maximumNesting {
      if !tooDeep {
        tooDeep = true
        diagnostics.append(Diagnostic(.nestingTooDeep(Self.maximumNesting), file: file, span: current.span))
      }
      throw Recover()
    }
  }

  mutating func leave() { nesting -= 1 }

  /// Skips to the start of the next statement: a new line outside brackets opened here, `;`, or `}`.
  mutating func synchronize(from start: Int) {
    if index == start { advance() }
    var depth = 0
    while !current.isEnd {
      if depth == 0 && (current.newlineBefore || current.isPunct("}")) { return }
      if current.isPunct(";") && depth == 0 {
        advance()
        return
      }
      if current.isPunct("{") || current.isPunct("(") || current.isPunct("[") { depth += 1 }
      if current.isPunct("}") || current.isPunct(")") || current.isPunct("]") { depth = max(0, depth - 1) }
      advance()
    }
  }
}
