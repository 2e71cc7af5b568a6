@_spi(Compiler) internal import SwiftParser
internal import SwiftSyntax

/// Expressions: literals, names, collections, calls, members, subscripts, closures and prefix and
/// postfix operators (operator sequences are folded in `Lowering+Operators`).
extension Lowering {
  func lowerExpr(_ expr: ExprSyntax) throws -> Expr {
    try nested(expr) { try lowerExprNode(expr) }
  }

  // size-budget: one case per expression kind, each a line or two; the dispatch reads best whole.
  private func lowerExprNode(_ expr: ExprSyntax) throws -> Expr {
    switch expr.as(ExprSyntaxEnum.self) {
    case .integerLiteralExpr(let node): return try lowerInteger(node)
    case .floatLiteralExpr(let node):
      let text = node.literal.text.replacingOccurrences(of: "_", with: "")
      guard let value = Double(text) else {
        throw fail(.invalidNumberLiteral(node.literal.text), at: node)
      }
      return Expr(.literal(.double(value)), span(node))
    case .booleanLiteralExpr(let node):
      return Expr(.literal(.bool(node.literal.tokenKind == .keyword(.true))), span(node))
    case .nilLiteralExpr(let node): return Expr(.literal(.null), span(node))
    case .stringLiteralExpr(let node): return try lowerString(node)
    case .declReferenceExpr(let node): return try lowerReference(node)
    case .arrayExpr(let node):
      return Expr(.array(try node.elements.map { try lowerExpr($0.expression) }), span(node))
    case .dictionaryExpr(let node):
      guard case .elements(let elements) = node.content else {
        return Expr(.dictionary([]), span(node))
      }
      return Expr(
        .dictionary(try elements.map { (try lowerExpr($0.key), try lowerExpr($0.value)) }),
        span(node))
    case .tupleExpr(let node):
      let elements = try node.elements.map { try lowerExpr($0.expression) }
      if elements.isEmpty { return Expr(.literal(.void), span(node)) }
      return elements.count == 1
        ? Expr(elements[0].kind, span(node)) : Expr(.tuple(elements), span(node))
    case .closureExpr(let node): return Expr(.closure(try lowerClosure(node)), span(node))
    case .sequenceExpr(let node): return try fold(node.elements)
    case .prefixOperatorExpr(let node): return try lowerPrefix(node)
    case .postfixOperatorExpr(let node):
      guard node.operator.text == "..." else {
        throw fail(.unknownOperator(node.operator.text), at: node.operator)
      }
      return Expr(
        .range(lower: try lowerExpr(node.expression), closed: true, upper: nil), span(node))
    case .functionCallExpr(let node): return try lowerCall(node)
    case .memberAccessExpr(let node): return try lowerMember(node)
    case .subscriptCallExpr(let node):
      if let closure = node.trailingClosure {
        throw unsupported("trailing closures after a subscript", at: closure)
      }
      let base = try lowerExpr(node.calledExpression)
      return Expr(.subscriptAccess(base, try lowerArguments(node.arguments)), span(node))
    case .forceUnwrapExpr(let node):
      return Expr(.forceUnwrap(try lowerExpr(node.expression)), span(node))
    case .inOutExpr(let node) where node.expression.is(DeclReferenceExprSyntax.self):
      return try lowerExpr(node.expression)  // `&generator`: the generator is a reference
    case .discardAssignmentExpr(let node): return Expr(.identifier("_"), span(node))
    case .tryExpr(let node):
      let mode = "try" + (node.questionOrExclamationMark?.text ?? "")
      return Expr(.tryExpr(try lowerExpr(node.expression), mode: mode), span(node))
    case .keyPathExpr(let node): return try lowerKeyPath(node)
    case .genericSpecializationExpr(let node):
      return try lowerExpr(node.expression)  // `Stack<Int>()`: type arguments are erased
    case .missingExpr: throw Recover()
    default: throw unsupportedExpression(expr)
    }
  }

  /// Names an expression form the language lacks at its node.
  private func unsupportedExpression(_ expr: ExprSyntax) -> Recover {
    switch expr.as(ExprSyntaxEnum.self) {
    case .ifExpr(let node): return unsupported("if expression", at: node.ifKeyword)
    case .switchExpr(let node): return unsupported("switch", at: node.switchKeyword)
    case .inOutExpr(let node): return unsupported("inout", at: node)
    case .optionalChainingExpr(let node): return unsupported("optional chaining", at: node)
    case .macroExpansionExpr(let node): return unsupported("#" + node.macroName.text, at: node)
    case .keyPathExpr(let node): return unsupported("key paths", at: node)
    default:
      guard let first = expr.firstToken(viewMode: .sourceAccurate) else { return Recover() }
      return unsupported(first.text, at: first)
    }
  }

  private func lowerInteger(_ node: IntegerLiteralExprSyntax) throws -> Expr {
    let text = node.literal.text.replacingOccurrences(of: "_", with: "")
    let radix: Int
    var digits = Substring(text)
    switch text.prefix(2) {
    case "0x": radix = 16
    case "0o": radix = 8
    case "0b": radix = 2
    default: radix = 10
    }
    if radix != 10 { digits = digits.dropFirst(2) }
    guard let value = Int(digits, radix: radix) else {
      let isDigits = !digits.isEmpty && digits.allSatisfy { $0.isHexDigit }
      throw fail(
        isDigits
          ? .integerLiteralOverflow(node.literal.text) : .invalidNumberLiteral(node.literal.text),
        at: node)
    }
    return Expr(.literal(.int(value)), span(node))
  }

  /// A name, `$0`, an operator used as a function (`reduce(0, +)`), or `...` alone (a whole axis).
  private func lowerReference(_ node: DeclReferenceExprSyntax) throws -> Expr {
    let token = node.baseName
    switch token.tokenKind {
    case .identifier:
      return Expr(.identifier(token.identifier?.name ?? token.text), span(node))
    case .dollarIdentifier(let name):
      noteImplicitParameter(name)
      return Expr(.identifier(name), span(node))
    case .binaryOperator("..."), .prefixOperator("..."), .postfixOperator("..."):
      return Expr(.range(lower: nil, closed: true, upper: nil), span(node))
    case .binaryOperator(let op):
      return try operatorFunction(op, node)
    case .keyword(.self):
      return Expr(.identifier("self"), span(node))
    default:
      throw unsupported(token.text, at: token)
    }
  }

  private func noteImplicitParameter(_ name: String) {
    guard let number = Int(name.dropFirst()), !implicitCounts.isEmpty else { return }
    implicitCounts[implicitCounts.count - 1] = max(
      implicitCounts[implicitCounts.count - 1], number + 1)
  }

  /// `+` as a value: the closure `{ $0 + $1 }`.
  private func operatorFunction(_ op: String, _ node: DeclReferenceExprSyntax) throws -> Expr {
    guard Self.binaryPrecedence[op] != nil, !Self.isRange(op) else {
      throw fail(.unknownOperator(op), at: node)
    }
    let where_ = span(node)
    let body = Expr(
      .binary(op: op, Expr(.identifier("$0"), where_), Expr(.identifier("$1"), where_)), where_)
    let closure = ClosureDecl(
      parameters: [], implicitCount: 2, body: [Stmt(.expression(body), where_)],
      span: where_, file: file)
    return Expr(.closure(closure), where_)
  }

  private func lowerPrefix(_ node: PrefixOperatorExprSyntax) throws -> Expr {
    let op = node.operator.text
    switch op {
    case "..<", "...":
      return Expr(
        .range(lower: nil, closed: op == "...", upper: try lowerExpr(node.expression)), span(node))
    case "-", "+", "!", "~":
      return Expr(.prefix(op: op, try lowerExpr(node.expression)), span(node))
    default:
      throw fail(.unknownOperator(op), at: node.operator)
    }
  }

  private func lowerCall(_ node: FunctionCallExprSyntax) throws -> Expr {
    if let extra = node.additionalTrailingClosures.first {
      throw unsupported("multiple trailing closures", at: extra)
    }
    let callee = try lowerTypeCallee(node.calledExpression) ?? lowerExpr(node.calledExpression)
    let arguments = try lowerArguments(node.arguments)
    let trailing = try node.trailingClosure.map { try lowerClosure($0) }
    return Expr(.call(callee: callee, arguments: arguments, trailing: trailing), span(node))
  }

  func lowerArguments(_ list: LabeledExprListSyntax) throws -> [Expr.Argument] {
    try list.map { argument in
      let label = argument.label.map { $0.identifier?.name ?? $0.text }
      return Expr.Argument(
        label: label, labelSpan: argument.label.map { span($0) },
        value: try lowerExpr(argument.expression))
    }
  }

  /// `a.b`, `t.0`, `.relu`, `a?.b`.
  private func lowerMember(_ node: MemberAccessExprSyntax) throws -> Expr {
    let nameToken = node.declName.baseName
    let name = nameToken.identifier?.name ?? nameToken.text
    let nameSpan = span(nameToken)
    guard let base = node.base else { return Expr(.implicitMember(name), span(node)) }
    if base.is(SuperExprSyntax.self) {
      return Expr(.superMember(name: name, nameSpan: nameSpan), span(node))
    }
    if let chained = base.as(OptionalChainingExprSyntax.self) {
      let receiver = try lowerExpr(chained.expression)
      return Expr(.optionalMember(receiver, name: name, nameSpan: nameSpan), span(node))
    }
    let receiver = try lowerExpr(base)
    if case .integerLiteral = nameToken.tokenKind, let index = Int(nameToken.text) {
      return Expr(.tupleElement(receiver, index: index), span(node))
    }
    return Expr(.member(receiver, name: name, nameSpan: nameSpan), span(node))
  }

  // MARK: - Closures

  /// `{ a, b in … }`, `{ (a: Int) -> Int in … }` or `{ $0 + 1 }`.
  func lowerClosure(_ node: ClosureExprSyntax) throws -> ClosureDecl {
    var parameters: [ParameterDecl] = []
    if let signature = node.signature {
      if let capture = signature.capture { throw unsupported("capture lists", at: capture) }
      if let attribute = signature.attributes.first {
        throw unsupported(attribute.trimmedDescription, at: attribute)
      }
      if let effects = signature.effectSpecifiers,
        let keyword = effects.asyncSpecifier ?? effects.throwsClause?.throwsSpecifier
      {
        throw unsupported(keyword.text, at: keyword)
      }
      switch signature.parameterClause {
      case .simpleInput(let names):
        parameters = names.map {
          ParameterDecl(
            label: nil, name: $0.name.identifier?.name ?? $0.name.text, span: span($0.name))
        }
      case .parameterClause(let clause):
        parameters = clause.parameters.map { parameter in
          let token = parameter.secondName ?? parameter.firstName
          return ParameterDecl(
            label: nil, name: token.identifier?.name ?? token.text, span: span(token))
        }
      case nil: break
      }
    }
    implicitCounts.append(0)
    defer { implicitCounts.removeLast() }
    let body = try nested(node) {
      let statements = lowerItems(node.statements)
      if tooDeep { throw Recover() }
      return statements
    }
    return ClosureDecl(
      parameters: parameters, implicitCount: implicitCounts.last ?? 0, body: body,
      span: span(node), file: file)
  }

  /// `\.name`, `\.a.b`, `\.1`, `\Type.name` as the function `{ $0.name }` (where Swift passes a
  /// key path as a function: `people.map(\.name)`, `sorted(by:)` on a key's value).
  private func lowerKeyPath(_ node: KeyPathExprSyntax) throws -> Expr {
    let whole = span(node)
    var value = Expr(.identifier("$0"), whole)
    for component in node.components {
      guard case .property(let property) = component.component else {
        throw unsupported("key paths with subscripts or optionals", at: component)
      }
      let name = property.declName.baseName.text
      if let index = Int(name) {
        value = Expr(.tupleElement(value, index: index), whole)
      } else {
        value = Expr(.member(value, name: name, nameSpan: span(property)), whole)
      }
    }
    let body = [Stmt(.expression(value), whole)]
    return Expr(
      .closure(ClosureDecl(parameters: [], implicitCount: 1, body: body, span: whole, file: file)),
      whole)
  }

  // MARK: - Strings

  /// A literal, or text and `\(expression)` segments.
  private func lowerString(_ node: StringLiteralExprSyntax) throws -> Expr {
    guard let kind = node.stringLiteralKind, !node.hasError else { throw Recover() }
    var segments: [Expr.Segment] = []
    for segment in node.segments {
      switch segment {
      case .stringSegment(let text):
        var value = ""
        text.appendUnescapedLiteralValue(
          stringLiteralKind: kind, delimiterLength: node.delimiterLength, to: &value)
        if case .text(let previous)? = segments.last {
          segments[segments.count - 1] = .text(previous + value)
        } else {
          segments.append(.text(value))
        }
      case .expressionSegment(let interpolation):
        guard interpolation.expressions.count == 1, let only = interpolation.expressions.first
        else {
          throw unsupported("interpolation with several values", at: interpolation)
        }
        if let label = only.label { throw unsupported("interpolation with a label", at: label) }
        segments.append(.expression(try lowerExpr(only.expression)))
      }
    }
    if segments.isEmpty { return Expr(.literal(.string("")), span(node)) }
    if segments.count == 1, case .text(let text) = segments[0] {
      return Expr(.literal(.string(text)), span(node))
    }
    return Expr(.interpolated(segments), span(node))
  }
}
