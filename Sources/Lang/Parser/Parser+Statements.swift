/// Statements: bindings, assignments, control flow, functions, imports and magics.
extension Parser {
  /// Parses one statement, or records its error and skips it (nil).
  mutating func parseStatementRecovering() -> Stmt? {
    let start = index
    do {
      let statement = try parseStatement()
      try endStatement(statement)
      return statement
    } catch {
      if !tooDeep { synchronize(from: start) }
      return nil
    }
  }

  /// After a statement: `;`, a new line, `}` or the end must follow.
  private mutating func endStatement(_ statement: Stmt) throws {
    if consumePunct(";") {
      statement.suppressesDisplay = true
      return
    }
    guard current.newlineBefore || current.isPunct("}") || current.isEnd else {
      throw fail(.statementsOnOneLine(), Span(previousEnd, previousEnd + 1))
    }
  }

  /// `{ statements }`.
  mutating func parseBlock(_ context: String) throws -> [Stmt] {
    let open = try expect("{", context)
    try enter()
    defer { leave() }
    var statements: [Stmt] = []
    while !current.isPunct("}") {
      if current.isEnd {
        throw fail(.expected("}", "to close the block"), open.span)
      }
      if let statement = parseStatementRecovering() { statements.append(statement) }
      if tooDeep { throw Recover() }
    }
    advance()
    return statements
  }

  mutating func parseStatement() throws -> Stmt {
    let token = current
    if case .magic(let name, let argument) = token.kind { return try parseMagic(name, argument) }
    if token.kind == .keyword {
      if Keywords.unsupported.contains(token.text) { throw unsupported(token) }
      switch token.text {
      case "let", "var": return try parseBinding()
      case "func": return try parseFunction()
      case "if": return try parseIf()
      case "guard": return try parseGuard()
      case "for": return try parseFor()
      case "while": return try parseWhile()
      case "repeat": return try parseRepeat()
      case "break", "continue": return parseJump()
      case "return": return try parseReturn()
      case "import": return try parseImport()
      default: break
      }
    }
    return try parseExpressionStatement()
  }

  private mutating func parseExpressionStatement() throws -> Stmt {
    let target = try parseExpression()
    let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "%="]
    guard current.kind == .punctuation, assignments.contains(current.text) else {
      return Stmt(.expression(target), target.span)
    }
    let op = advance()
    guard isAssignable(target) else { throw fail(.notAssignable(), target.span) }
    let value = try parseExpression()
    return Stmt(.assignment(target: target, op: op.text, value: value), target.span.to(value.span))
  }

  private func isAssignable(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .identifier, .subscriptAccess, .tupleElement: return true
    case .member: return true
    default: return false
    }
  }

  private mutating func parseBinding() throws -> Stmt {
    let keyword = advance()
    let pattern = try parsePattern()
    var type: TypeRef?
    if consumePunct(":") { type = try parseType() }
    var value: Expr?
    if consumePunct("=") { value = try parseExpression() }
    if value == nil && type == nil { throw fail(.bindingNeedsValue(), keyword.span.to(Span(previousEnd, previousEnd))) }
    let end = value?.span.end ?? previousEnd
    return Stmt(.binding(isLet: keyword.text == "let", pattern: pattern, type: type, value: value),
                Span(keyword.span.start, end))
  }

  private mutating func parseIf() throws -> Stmt {
    let keyword = advance()
    let conditions = try parseConditions()
    let then = try parseBlock("after the 'if' condition")
    var otherwise: [Stmt]?
    if current.isKeyword("else") {
      advance()
      if current.isKeyword("if") {
        try enter()
        defer { leave() }
        otherwise = [try parseIf()]
      } else {
        otherwise = try parseBlock("after 'else'")
      }
    }
    return Stmt(.ifElse(conditions: conditions, then: then, otherwise: otherwise), Span(keyword.span.start, previousEnd))
  }

  private mutating func parseGuard() throws -> Stmt {
    let keyword = advance()
    let conditions = try parseConditions()
    guard current.isKeyword("else") else { throw fail(.expected("else", "after the 'guard' condition"), current.span) }
    advance()
    let otherwise = try parseBlock("after 'guard ... else'")
    return Stmt(.guardElse(conditions: conditions, otherwise: otherwise), Span(keyword.span.start, previousEnd))
  }

  /// `cond, let x = optional, ...` with trailing closures disabled (the block follows).
  mutating func parseConditions() throws -> [Condition] {
    let saved = allowTrailingClosure
    allowTrailingClosure = false
    defer { allowTrailingClosure = saved }
    var conditions: [Condition] = []
    repeat {
      if current.isKeyword("let") || current.isKeyword("var") {
        advance()
        let name = try expectIdentifier("after 'let' in a condition")
        let value = consumePunct("=") ? try parseExpression() : Expr(.identifier(name.text), name.span)
        conditions.append(.optionalBinding(name: name.text, span: name.span, value: value))
      } else {
        conditions.append(.expression(try parseExpression()))
      }
    } while consumePunct(",")
    return conditions
  }

  private mutating func parseFor() throws -> Stmt {
    let keyword = advance()
    if current.isKeyword("case") || current.text == "case" { throw unsupported(current) }
    let pattern = try parsePattern()
    guard current.isKeyword("in") else { throw fail(.expected("in", "after the 'for' pattern"), current.span) }
    advance()
    let saved = allowTrailingClosure
    allowTrailingClosure = false
    let sequence = try parseExpression()
    var filter: Expr?
    if current.isIdentifier && current.text == "where" {
      advance()
      filter = try parseExpression()
    }
    allowTrailingClosure = saved
    let body = try parseBlock("after the 'for' sequence")
    return Stmt(.forIn(pattern: pattern, sequence: sequence, filter: filter, body: body), Span(keyword.span.start, previousEnd))
  }

  private mutating func parseWhile() throws -> Stmt {
    let keyword = advance()
    let conditions = try parseConditions()
    let body = try parseBlock("after the 'while' condition")
    return Stmt(.whileLoop(conditions: conditions, body: body), Span(keyword.span.start, previousEnd))
  }

  private mutating func parseRepeat() throws -> Stmt {
    let keyword = advance()
    let body = try parseBlock("after 'repeat'")
    guard current.isKeyword("while") else { throw fail(.expected("while", "after the 'repeat' block"), current.span) }
    advance()
    let condition = try parseExpression()
    return Stmt(.repeatWhile(body: body, condition: condition), Span(keyword.span.start, previousEnd))
  }

  private mutating func parseJump() -> Stmt {
    let keyword = advance()
    return Stmt(keyword.text == "break" ? .breakLoop : .continueLoop, keyword.span)
  }

  private mutating func parseReturn() throws -> Stmt {
    let keyword = advance()
    if current.newlineBefore || current.isPunct("}") || current.isPunct(";") || current.isEnd {
      return Stmt(.returnValue(nil), keyword.span)
    }
    let value = try parseExpression()
    return Stmt(.returnValue(value), keyword.span.to(value.span))
  }

  private mutating func parseImport() throws -> Stmt {
    let keyword = advance()
    let name = try expectIdentifier("after 'import'")
    guard name.text == "Stride" else { throw fail(.unknownModule(name.text), name.span) }
    return Stmt(.importModule(name.text), keyword.span.to(name.span))
  }

  private mutating func parseMagic(_ name: String, _ argument: Span) throws -> Stmt {
    let token = advance()
    var body: [Stmt] = []
    if name == "%time" || name == "%timeit" {
      var inner = Parser(file: file, span: argument)
      inner.nesting = nesting
      body = inner.parseCell()
      diagnostics += inner.diagnostics
      if inner.tooDeep { tooDeep = true }
    } else if name == "%%time" {
      while !current.isEnd && !tooDeep {
        if let statement = parseStatementRecovering() { body.append(statement) } else if current.isPunct("}") { advance() }
      }
    }
    return Stmt(.magic(name: name, argument: file.text(argument), body: body), token.span)
  }

  /// A diagnostic for a Swift construct the language does not have, naming what to write instead.
  mutating func unsupported(_ token: Token) -> Recover {
    fail(.unsupportedConstruct(token.text), token.span)
  }
}
