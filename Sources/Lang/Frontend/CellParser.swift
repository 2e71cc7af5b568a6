internal import SwiftDiagnostics
internal import SwiftParser
internal import SwiftParserDiagnostics
internal import SwiftSyntax

/// The front end: a cell's magic lines are set aside (`MagicLines`), swift-syntax's `SwiftParser`
/// parses the rest exactly as the Swift compiler does, its diagnostics become Lang diagnostics
/// (fix-its as hints), and `Lowering` turns the tree into `Stmt`s. No swift-syntax type leaves Lang.
enum CellParser {
  /// The parser's nesting limit (brackets, blocks, interpolations) and the deepest operator tree.
  static let maximumNesting = 200

  struct Result {
    var statements: [Stmt]
    /// SwiftParser's errors, sorted by position.
    var syntaxDiagnostics: [Diagnostic]
    /// What the lowering rejected (unsupported constructs, bad literals, …), sorted by position.
    var loweringDiagnostics: [Diagnostic]
    /// How many `{`, `(` and `[` the input left open.
    var openBrackets: Int
    /// The generic parameter names of the generic types the cell declares (`struct Stack<Element>`).
    var declaredGenericTypes: [String: [String]] = [:]

    /// Every error: syntax errors first.
    var diagnostics: [Diagnostic] { syntaxDiagnostics + loweringDiagnostics }
    /// Whether the input only stopped early: every syntax error is a token missing at the very end
    /// (an unclosed brace, bracket, string or comment, a trailing operator) and nothing else failed.
    var endsEarly: Bool {
      !syntaxDiagnostics.isEmpty && syntaxDiagnostics.allSatisfy { $0.atEndOfInput }
        && loweringDiagnostics.isEmpty
    }
  }

  /// `knownGenericTypes`: the generic parameter names of types earlier cells declared, so their
  /// extensions see `Element` as a generic parameter.
  static func parse(_ file: SourceFile, knownGenericTypes: [String: [String]] = [:]) -> Result {
    if let deep = NestingScan.check(file.scalars) {
      let message: DiagnosticMessage =
        deep.square
        ? .squareBracketsTooDeep(NestingScan.maximumSquareNesting) : .nestingTooDeep(maximumNesting)
      let diagnostic = Diagnostic(message, file: file, span: Span(deep.offset, deep.offset + 1))
      return Result(
        statements: [], syntaxDiagnostics: [diagnostic], loweringDiagnostics: [], openBrackets: 0)
    }
    let magics = MagicLines(file)
    var text = magics.parsedText
    let tree = text.withUTF8 {
      SwiftParser.Parser.parse(source: $0, maximumNestingLevel: maximumNesting)
    }
    let offsets = ScalarOffsets(magics.parsedText)
    let lowering = Lowering(file: file, offsets: offsets, knownGenericTypes: knownGenericTypes)
    var statements = lowering.lowerItems(tree.statements)
    let syntax = syntaxDiagnostics(tree, file: file, offsets: offsets)
    var lowered = lowering.diagnostics
    statements = magics.attach(to: statements, file: file, diagnostics: &lowered)
    let reported = Set(syntax.map(\.span.start))
    lowered = lowered.filter { !reported.contains($0.span.start) }
    return Result(
      statements: statements, syntaxDiagnostics: syntax,
      loweringDiagnostics: lowered.sorted { $0.span.start < $1.span.start },
      openBrackets: missingClosers(tree), declaredGenericTypes: lowering.declaredGenericTypes)
  }

  /// SwiftParser's errors as Lang diagnostics, the first of each position only (an unclosed
  /// interpolation 20 deep is one error, not 40 at one caret); a nesting overflow becomes
  /// `nestingTooDeep`.
  private static func syntaxDiagnostics(
    _ tree: SourceFileSyntax, file: SourceFile, offsets: ScalarOffsets
  )
    -> [Diagnostic]
  {
    let end = lastTokenEnd(tree, offsets)
    if let token = fixItWithoutChange(tree) {
      return [
        Diagnostic(
          .parserMessage("'=' must have consistent whitespace on both sides", fixIts: []),
          file: file, span: offsets.span(token))
      ]
    }
    var result: [Diagnostic] = []
    for found in ParseDiagnosticsGenerator.diagnostics(for: tree)
    where found.diagMessage.severity == .error {
      let start = offsets.scalar(found.position)
      var stop = start
      if offsets.scalar(found.node.positionAfterSkippingLeadingTrivia) == start {
        stop = max(start, offsets.scalar(found.node.endPositionBeforeTrailingTrivia))
      }
      var message = DiagnosticMessage.parserMessage(
        found.message, fixIts: found.fixIts.map(\.message.message))
      if found.message.contains("maximum nesting level") {
        message = .nestingTooDeep(maximumNesting)
      }
      var diagnostic = Diagnostic(message, file: file, span: Span(start, stop))
      diagnostic.atEndOfInput = start >= end || isUnterminatedAtEnd(found, offsets, file)
      result.append(diagnostic)
    }
    result.sort { $0.span.start < $1.span.start }
    var positions = Set<Int>()
    return result.filter { positions.insert($0.span.start).inserted }
  }

  /// A token for which swift-syntax 603's diagnostics generator would build a fix-it with no change
  /// (an inconsistently spaced `=` whose neighbours both have blanks) and trap: found by our fuzzer.
  /// Such a cell gets this one diagnostic instead of the generator's.
  private static func fixItWithoutChange(_ tree: SourceFileSyntax) -> TokenSyntax? {
    for token in tree.tokens(viewMode: .sourceAccurate)
    where token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides {
      let before =
        token.previousToken(viewMode: .all)?.trailingTrivia.contains { $0.isSpaceOrTab } ?? false
      let after = token.trailingTrivia.contains { $0.isSpaceOrTab }
      if before && after { return token }
    }
    return nil
  }

  /// The end of the last present token (scalars): a diagnostic there means the input stopped early.
  private static func lastTokenEnd(_ tree: SourceFileSyntax, _ offsets: ScalarOffsets) -> Int {
    var end = 0
    for token in tree.tokens(viewMode: .sourceAccurate) where token.tokenKind != .endOfFile {
      end = offsets.scalar(token.endPositionBeforeTrailingTrivia)
    }
    return end
  }

  /// An unterminated string or comment that runs to the end of the cell.
  private static func isUnterminatedAtEnd(
    _ found: SwiftDiagnostics.Diagnostic, _ offsets: ScalarOffsets,
    _ file: SourceFile
  ) -> Bool {
    guard found.message.contains("unterminated") || found.message.contains("to end string literal")
    else { return false }
    let nodeEnd = offsets.scalar(found.node.endPosition)
    return nodeEnd >= file.scalars.count
      || file.text(Span(nodeEnd, file.scalars.count)).allSatisfy(\.isWhitespace)
  }

  /// Closing brackets the parser had to invent: the open `{ ( [` at the end of the input.
  private static func missingClosers(_ tree: SourceFileSyntax) -> Int {
    var count = 0
    for token in tree.tokens(viewMode: .all) where token.presence == .missing {
      switch token.tokenKind {
      case .rightBrace, .rightParen, .rightSquare: count += 1
      default: break
      }
    }
    return count
  }
}
