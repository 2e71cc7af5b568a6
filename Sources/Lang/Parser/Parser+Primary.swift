/// Primary expressions: literals, names, parentheses and tuples, collections, closures, implicit
/// members and interpolated strings.
extension Parser {
  mutating func parsePrimary() throws -> Expr {
    let token = current
    switch token.kind {
    case .integer(let value):
      advance()
      return Expr(.literal(.int(value)), token.span)
    case .float(let value):
      advance()
      return Expr(.literal(.double(value)), token.span)
    case .string(let parts):
      advance()
      return try stringExpression(parts, token.span)
    case .identifier:
      advance()
      if token.text.hasPrefix("$") { noteImplicitParameter(token) }
      return Expr(.identifier(token.text), token.span)
    case .keyword:
      return try parseKeywordPrimary(token)
    case .punctuation:
      return try parsePunctuationPrimary(token)
    case .magic:
      throw fail(.magicNotAtLineStart(), token.span)
    case .endOfInput:
      throw fail(.expectedExpression(), Span(previousEnd, previousEnd))
    case .invalid:
      advance()
      throw Recover()
    }
  }

  private mutating func parseKeywordPrimary(_ token: Token) throws -> Expr {
    switch token.text {
    case "true", "false":
      advance()
      return Expr(.literal(.bool(token.text == "true")), token.span)
    case "nil":
      advance()
      return Expr(.literal(.null), token.span)
    default:
      if Keywords.unsupported.contains(token.text) { throw unsupported(token) }
      if ["let", "var", "func", "if", "guard", "for", "while", "repeat", "return", "import"].contains(token.text) {
        throw fail(.expectedExpression(), Span(previousEnd, previousEnd))
      }
      throw fail(.keywordAsName(token.text), token.span)
    }
  }

  private mutating func parsePunctuationPrimary(_ token: Token) throws -> Expr {
    switch token.text {
    case "(": return try parseParenthesized()
    case "[": return try parseCollection()
    case "{": return Expr(.closure(try parseClosure()), Span(token.span.start, previousEnd)).withClosureSpan()
    case ".":
      advance()
      let name = try parseMemberName()
      return Expr(.implicitMember(name.text), token.span.to(name.span))
    default:
      throw fail(.expectedExpression(), token.span)
    }
  }

  private mutating func parseParenthesized() throws -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    var elements: [Expr] = []
    while !current.isPunct(")") {
      if (current.isIdentifier) && peek().isPunct(":") {
        advance()
        advance()
      }
      elements.append(try parseExpression())
      if !consumePunct(",") { break }
    }
    try expect(")", "to close '('")
    let span = Span(open.span.start, previousEnd)
    if elements.isEmpty { return Expr(.literal(.void), span) }
    return elements.count == 1 ? Expr(elements[0].kind, span) : Expr(.tuple(elements), span)
  }

  private mutating func parseCollection() throws -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    if consumePunct(":") {
      try expect("]", "to close the empty dictionary '[:]'")
      return Expr(.dictionary([]), Span(open.span.start, previousEnd))
    }
    var elements: [Expr] = []
    var pairs: [(key: Expr, value: Expr)] = []
    while !current.isPunct("]") {
      let first = try parseExpression()
      if consumePunct(":") {
        guard elements.isEmpty else { throw fail(.mixedCollection(), first.span) }
        pairs.append((first, try parseExpression()))
      } else {
        guard pairs.isEmpty else { throw fail(.mixedCollection(), first.span) }
        elements.append(first)
      }
      if !consumePunct(",") { break }
    }
    try expect("]", "to close '['")
    let span = Span(open.span.start, previousEnd)
    return pairs.isEmpty ? Expr(.array(elements), span) : Expr(.dictionary(pairs), span)
  }

  // MARK: - Closures

  /// `{ a, b in ... }`, `{ (a: Int) -> Int in ... }` or `{ $0 + 1 }`.
  mutating func parseClosure() throws -> ClosureDecl {
    let open = try expect("{", "to start the closure")
    try enter()
    defer { leave() }
    let parameters = closureParameters()
    implicitParameterCounts.append(0)
    var body: [Stmt] = []
    let saved = allowTrailingClosure
    allowTrailingClosure = true
    defer { allowTrailingClosure = saved }
    while !current.isPunct("}") {
      if current.isEnd {
        implicitParameterCounts.removeLast()
        throw fail(.expected("}", "to close the closure"), open.span)
      }
      if let statement = parseStatementRecovering() { body.append(statement) }
      if tooDeep { throw Recover() }
    }
    advance()
    let implicitCount = implicitParameterCounts.removeLast()
    return ClosureDecl(parameters: parameters ?? [], implicitCount: implicitCount, body: body,
                       span: Span(open.span.start, previousEnd), file: file)
  }

  /// The parameter list before `in`, consumed when present; nil (nothing consumed) otherwise.
  private mutating func closureParameters() -> [ParameterDecl]? {
    let start = index
    var names: [Token] = []
    let parenthesized = consumePunct("(")
    while current.isIdentifier {
      names.append(advance())
      if consumePunct(":") { _ = try? parseType() }
      if !consumePunct(",") { break }
    }
    if parenthesized && !consumePunct(")") {
      index = start
      return nil
    }
    if consumePunct("->") { _ = try? parseType() }
    guard current.isKeyword("in"), !(names.isEmpty && !parenthesized) else {
      index = start
      return nil
    }
    advance()
    return names.map { ParameterDecl(label: nil, name: $0.text, type: nil, span: $0.span) }
  }

  private mutating func noteImplicitParameter(_ token: Token) {
    guard let number = Int(token.text.dropFirst()), !implicitParameterCounts.isEmpty else { return }
    let last = implicitParameterCounts.count - 1
    implicitParameterCounts[last] = max(implicitParameterCounts[last], number + 1)
  }

  // MARK: - Strings

  private mutating func stringExpression(_ parts: [StringPart], _ span: Span) throws -> Expr {
    if parts.count == 1, case .text(let text) = parts[0] { return Expr(.literal(.string(text)), span) }
    var segments: [Expr.Segment] = []
    for part in parts {
      switch part {
      case .text(let text): segments.append(.text(text))
      case .interpolation(let inner): segments.append(.expression(try parseInterpolation(inner)))
      }
    }
    return Expr(.interpolated(segments), span)
  }

  private mutating func parseInterpolation(_ span: Span) throws -> Expr {
    var inner = Parser(file: file, span: span, interpolationDepth: interpolationDepth + 1)
    inner.nesting = nesting
    inner.implicitParameterCounts = implicitParameterCounts
    let expr = try? inner.parseExpression()
    if expr != nil && !inner.current.isEnd {
      _ = inner.fail(.expected(")", "to end the interpolation"), inner.current.span)
    }
    diagnostics += inner.diagnostics
    if inner.tooDeep { tooDeep = true }
    implicitParameterCounts = inner.implicitParameterCounts
    guard let expr, inner.diagnostics.isEmpty else { throw Recover() }
    return expr
  }
}

extension Expr {
  fileprivate func withClosureSpan() -> Expr {
    if case .closure(let decl) = kind { return Expr(kind, decl.span) }
    return self
  }
}
