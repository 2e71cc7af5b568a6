/// Operators by precedence (ternary, binary, prefix) and postfix chains (calls, members,
/// subscripts, trailing closures).
extension Parser {
  /// Binary operators and their precedence (higher binds tighter); `??` is right-associative.
  static let precedence: [String: Int] = [
    "||": 1, "&&": 2,
    "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
    "??": 4, "..<": 5, "...": 5,
    "+": 6, "-": 6, "*": 7, "/": 7, "%": 7,
  ]

  mutating func parseExpression() throws -> Expr {
    try enter()
    defer { leave() }
    let condition = try parseBinary(minimum: 1)
    guard current.isPunct("?"), current.spaceBefore else { return condition }
    advance()
    let then = try parseExpression()
    try expect(":", "in the ternary expression 'condition ? a : b'")
    let otherwise = try parseExpression()
    return Expr(.ternary(condition, then, otherwise), condition.span.to(otherwise.span))
  }

  /// Whether the current token continues an expression as a binary operator.
  private func binaryOperator() -> (String, Int)? {
    let token = current
    guard token.kind == .punctuation, let level = Self.precedence[token.text] else { return nil }
    if token.newlineBefore && !token.spaceAfter { return nil }
    if token.text == "..." || token.text == "..<" {
      if token.spaceBefore && !token.spaceAfter && !token.newlineBefore { return nil }
    }
    return (token.text, level)
  }

  private mutating func parseBinary(minimum: Int) throws -> Expr {
    var left = try parsePrefix()
    let saved = nesting
    defer { nesting = saved }
    while let (op, level) = binaryOperator(), level >= minimum {
      try enter()
      let opToken = advance()
      if op == "..." || op == "..<" {
        left = try finishRange(left, opToken)
        continue
      }
      let right = try parseBinary(minimum: op == "??" ? level : level + 1)
      left = Expr(.binary(op: op, left, right), left.span.to(right.span))
      if level == 3, let (next, nextLevel) = binaryOperator(), nextLevel == 3 {
        throw fail(.chainedComparison(next), current.span)
      }
    }
    return left
  }

  /// `lower..<upper`, `lower...upper`, or `lower...` when no operand follows.
  private mutating func finishRange(_ lower: Expr, _ op: Token) throws -> Expr {
    let closed = op.text == "..."
    if closed && endsOperand(current) {
      return Expr(.range(lower: lower, closed: true, upper: nil), lower.span.to(op.span))
    }
    let upper = try parseBinary(minimum: 6)
    return Expr(.range(lower: lower, closed: closed, upper: upper), lower.span.to(upper.span))
  }

  private func endsOperand(_ token: Token) -> Bool {
    token.isEnd || token.newlineBefore || token.isPunct("]") || token.isPunct(")") || token.isPunct(",")
      || token.isPunct("}") || token.isPunct(";")
  }

  private mutating func parsePrefix() throws -> Expr {
    let token = current
    guard token.kind == .punctuation else { return try parsePostfix() }
    switch token.text {
    case "-", "!", "+":
      advance()
      try enter()
      defer { leave() }
      let operand = try parsePrefix()
      return Expr(.prefix(op: token.text, operand), token.span.to(operand.span))
    case "..<", "...":
      advance()
      if token.text == "..." && endsOperand(current) {
        return Expr(.range(lower: nil, closed: true, upper: nil), token.span)
      }
      let upper = try parseBinary(minimum: 6)
      return Expr(.range(lower: nil, closed: token.text == "...", upper: upper), token.span.to(upper.span))
    default:
      return try parsePostfix()
    }
  }

  private mutating func parsePostfix() throws -> Expr {
    var expr = try parsePrimary()
    let saved = nesting
    defer { nesting = saved }
    while true {
      let token = current
      if token.isPunct("(") && !token.newlineBefore {
        try enter()
        advance()
        let arguments = try parseArguments(closing: ")")
        let trailing = try parseTrailingClosure()
        expr = Expr(.call(callee: expr, arguments: arguments, trailing: trailing), Span(expr.span.start, previousEnd))
      } else if token.isPunct("[") && !token.newlineBefore && !token.spaceBefore {
        try enter()
        advance()
        let arguments = try parseArguments(closing: "]")
        expr = Expr(.subscriptAccess(expr, arguments), Span(expr.span.start, previousEnd))
      } else if token.isPunct(".") {
        try enter()
        advance()
        expr = try parseMember(of: expr)
      } else if token.isPunct("?") && !token.spaceBefore && peek().isPunct(".") {
        try enter()
        advance()
        advance()
        let name = try parseMemberName()
        expr = Expr(.optionalMember(expr, name: name.text, nameSpan: name.span), expr.span.to(name.span))
      } else if token.isPunct("!") && !token.spaceBefore {
        try enter()
        advance()
        expr = Expr(.forceUnwrap(expr), expr.span.to(token.span))
      } else if token.isPunct("{") && allowTrailingClosure && !token.newlineBefore {
        try enter()
        let closure = try parseClosure()
        expr = Expr(.call(callee: expr, arguments: [], trailing: closure), expr.span.to(closure.span))
      } else {
        return expr
      }
    }
  }

  private mutating func parseTrailingClosure() throws -> ClosureDecl? {
    guard current.isPunct("{"), allowTrailingClosure, !current.newlineBefore else { return nil }
    return try parseClosure()
  }

  private mutating func parseMember(of base: Expr) throws -> Expr {
    if case .integer(let position) = current.kind {
      let token = advance()
      return Expr(.tupleElement(base, index: position), base.span.to(token.span))
    }
    let name = try parseMemberName()
    return Expr(.member(base, name: name.text, nameSpan: name.span), base.span.to(name.span))
  }

  mutating func parseMemberName() throws -> Token {
    guard current.isIdentifier || current.kind == .keyword else {
      throw fail(.expectedName("after '.'"), current.span)
    }
    return advance()
  }

  /// Arguments up to `closing`: `label: value` or `value`, separated by commas.
  mutating func parseArguments(closing: String) throws -> [Expr.Argument] {
    let saved = allowTrailingClosure
    allowTrailingClosure = true
    defer { allowTrailingClosure = saved }
    var arguments: [Expr.Argument] = []
    while !current.isPunct(closing) {
      if current.isEnd { break }
      var label: Token?
      if (current.isIdentifier || current.kind == .keyword) && peek().isPunct(":") {
        label = advance()
        advance()
      }
      let value = try parseExpression()
      arguments.append(Expr.Argument(label: label?.text, labelSpan: label?.span, value: value))
      if !consumePunct(",") { break }
    }
    try expect(closing, closing == ")" ? "to end the argument list" : "to end the subscript")
    return arguments
  }
}
