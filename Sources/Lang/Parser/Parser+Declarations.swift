/// Function declarations, their parameters, types and binding patterns.
extension Parser {
  mutating func parseFunction() throws -> Stmt {
    let keyword = advance()
    let name = try expectIdentifier("after 'func'")
    if current.isPunct("<") { throw fail(.unsupportedConstruct("generics"), current.span) }
    try expect("(", "to start the parameter list")
    var parameters: [ParameterDecl] = []
    while !current.isPunct(")") {
      parameters.append(try parseParameter())
      if !consumePunct(",") { break }
    }
    try expect(")", "to end the parameter list")
    if current.isKeyword("throws") || current.isKeyword("async") { throw unsupported(current) }
    var returnType: TypeRef?
    if consumePunct("->") { returnType = try parseType() }
    let body = try parseBlock("to start the function body")
    let decl = FunctionDecl(name: name.text, parameters: parameters, returnType: returnType, body: body,
                            span: keyword.span.to(name.span), file: file)
    return Stmt(.function(decl), Span(keyword.span.start, previousEnd))
  }

  /// `label name: Type = default`, `_ name: Type`, `name: Type...`.
  private mutating func parseParameter() throws -> ParameterDecl {
    let start = current.span.start
    var label: String?
    let first = current
    if first.isIdentifier || (first.kind == .keyword && peek().isIdentifier) {
      advance()
    } else {
      throw fail(.expectedName("for a parameter"), current.span)
    }
    var name = first.text
    label = first.text == "_" ? nil : first.text
    if current.isIdentifier {
      name = advance().text
    }
    try expect(":", "after the parameter name (parameters need a type, e.g. 'x: Int')")
    if current.isKeyword("inout") { throw unsupported(current) }
    let type = try parseType()
    var variadic = false
    if consumePunct("...") { variadic = true }
    var defaultValue: Expr?
    if consumePunct("=") { defaultValue = try parseExpression() }
    return ParameterDecl(label: label, name: name, type: type, defaultValue: defaultValue, variadic: variadic,
                         span: Span(start, previousEnd))
  }

  // MARK: - Types

  mutating func parseType() throws -> TypeRef {
    try enter()
    defer { leave() }
    var type: TypeRef
    if consumePunct("[") {
      let element = try parseType()
      if consumePunct(":") {
        type = .dictionary(element, try parseType())
      } else {
        type = .array(element)
      }
      try expect("]", "to end the collection type")
    } else if consumePunct("(") {
      var elements: [TypeRef] = []
      while !current.isPunct(")") {
        elements.append(try parseType())
        if !consumePunct(",") { break }
      }
      try expect(")", "to end the tuple type")
      if consumePunct("->") {
        type = .function(elements, try parseType())
      } else {
        type = elements.count == 1 ? elements[0] : .tuple(elements)
      }
    } else {
      if current.isKeyword("inout") { throw unsupported(current) }
      let name = try expectIdentifier("for a type")
      if current.isPunct("<") && !current.spaceBefore { throw fail(.unsupportedConstruct("generics"), current.span) }
      type = .named(name.text)
    }
    while !current.spaceBefore && (current.isPunct("?") || current.isPunct("!")) {
      advance()
      type = .optional(type)
    }
    return type
  }

  // MARK: - Patterns

  /// `name`, `_`, or `(pattern, pattern, ...)`.
  mutating func parsePattern() throws -> Pattern {
    if consumePunct("(") {
      try enter()
      defer { leave() }
      var elements: [Pattern] = []
      while !current.isPunct(")") {
        elements.append(try parsePattern())
        if !consumePunct(",") { break }
      }
      try expect(")", "to end the tuple pattern")
      return elements.count == 1 ? elements[0] : .tuple(elements)
    }
    let name = try expectIdentifier("to bind (after let, var or for)")
    return name.text == "_" ? .wildcard : .name(name.text, name.span)
  }
}
