internal import SwiftSyntax

/// `switch` with its case patterns, `if case`/`guard case`/`for case`, `do`/`catch`, `throw`,
/// `fallthrough`.
extension Lowering {
  func lowerSwitch(_ node: SwitchExprSyntax) throws -> Stmt {
    try nested(node) {
      let subject = try lowerExpr(node.subject)
      var cases: [SwitchCase] = []
      for element in node.cases {
        guard case .switchCase(let item) = element else { throw unsupported("#if", at: element) }
        let body = try nested(item.statements) { lowerItems(item.statements) }
        switch item.label {
        case .default:
          cases.append(
            SwitchCase(patterns: [], isDefault: true, body: body, span: span(item.label)))
        case .case(let label):
          let patterns = try label.caseItems.map { entry in
            (
              try lowerCasePattern(entry.pattern),
              try entry.whereClause.map { try lowerExpr($0.condition) }
            )
          }
          cases.append(
            SwitchCase(patterns: patterns, isDefault: false, body: body, span: span(label)))
        }
      }
      return Stmt(.switchOf(subject: subject, cases: cases), span(node))
    }
  }

  func lowerDo(_ node: DoStmtSyntax) throws -> Stmt {
    let body = try lowerBlock(node.body)
    var catches: [CatchClause] = []
    for clause in node.catchClauses {
      let block = try lowerBlock(clause.body)
      if clause.catchItems.isEmpty {
        catches.append(
          CatchClause(pattern: nil, guardExpr: nil, body: block, span: span(clause.catchKeyword)))
      }
      for item in clause.catchItems {
        let pattern = try item.pattern.map { try lowerCasePattern($0) }
        let guardExpr = try item.whereClause.map { try lowerExpr($0.condition) }
        catches.append(
          CatchClause(
            pattern: pattern, guardExpr: guardExpr, body: block, span: span(clause.catchKeyword)))
      }
    }
    return Stmt(.doCatch(body: body, catches: catches), span(node))
  }

  /// `for case pattern in sequence where condition { … }`: a loop over every element whose body
  /// runs when the element matches.
  func lowerForCase(_ node: ForStmtSyntax) throws -> Stmt {
    let pattern = try lowerCasePattern(node.pattern)
    let sequence = try lowerExpr(node.sequence)
    let element = Expr(.identifier("$element"), span(node.pattern))
    var conditions: [Condition] = [.casePattern(pattern, element)]
    if let clause = node.whereClause {
      conditions.append(.expression(try lowerExpr(clause.condition)))
    }
    let body = try lowerBlock(node.body)
    let test = Stmt(.ifElse(conditions: conditions, then: body, otherwise: nil), span(node))
    return Stmt(
      .forIn(
        pattern: .name("$element", span(node.pattern)), sequence: sequence, filter: nil,
        body: [test]), span(node))
  }

  /// A pattern of `case`, `if case` or `catch`; inside `let`/`var` names bind.
  func lowerCasePattern(_ pattern: PatternSyntax, binding: Bool = false) throws -> CasePattern {
    try nested(pattern) {
      if let node = pattern.as(IdentifierPatternSyntax.self) {
        return .binding(node.identifier.identifier?.name ?? node.identifier.text, span(node))
      }
      if pattern.is(WildcardPatternSyntax.self) { return .wildcard }
      if let node = pattern.as(TuplePatternSyntax.self) {
        let elements = try node.elements.map { try lowerCasePattern($0.pattern, binding: binding) }
        return elements.count == 1 ? elements[0] : .tuple(elements)
      }
      if let node = pattern.as(ValueBindingPatternSyntax.self) {
        return try lowerCasePattern(node.pattern, binding: true)
      }
      if let node = pattern.as(ExpressionPatternSyntax.self) {
        return try lowerPatternExpr(node.expression, binding: binding)
      }
      if let node = pattern.as(IsTypePatternSyntax.self) {
        return .isType(try lowerType(node.type))
      }
      if pattern.is(MissingPatternSyntax.self) { throw Recover() }
      throw unsupported("this pattern", at: pattern)
    }
  }

  private func lowerPatternExpr(_ expr: ExprSyntax, binding: Bool) throws -> CasePattern {
    try nested(expr) {
      if let node = expr.as(PatternExprSyntax.self) {
        return try lowerCasePattern(node.pattern, binding: binding)
      }
      if expr.is(DiscardAssignmentExprSyntax.self) { return .wildcard }
      if binding, let node = expr.as(DeclReferenceExprSyntax.self) {
        return .binding(node.baseName.identifier?.name ?? node.baseName.text, span(node))
      }
      if let node = expr.as(TupleExprSyntax.self), node.elements.count != 0 {
        let elements = try node.elements.map {
          try lowerPatternExpr($0.expression, binding: binding)
        }
        return elements.count == 1 ? elements[0] : .tuple(elements)
      }
      if let node = expr.as(MemberAccessExprSyntax.self), isCaseReference(node) {
        return .enumCase(name: node.declName.baseName.text, span: span(node), payload: nil)
      }
      if let node = expr.as(FunctionCallExprSyntax.self),
        let callee = node.calledExpression.as(MemberAccessExprSyntax.self),
        isCaseReference(callee)
      {
        let payload = try node.arguments.map {
          try lowerPatternExpr($0.expression, binding: binding)
        }
        return .enumCase(name: callee.declName.baseName.text, span: span(callee), payload: payload)
      }
      if let node = expr.as(OptionalChainingExprSyntax.self) {
        return .some(try lowerPatternExpr(node.expression, binding: binding))
      }
      if let node = expr.as(SequenceExprSyntax.self),
        let cast = try castPattern(node, binding: binding)
      {
        return cast
      }
      return .expression(try lowerExpr(expr))
    }
  }

  /// `.north` or `Direction.north` (a capitalised base names a type).
  private func isCaseReference(_ node: MemberAccessExprSyntax) -> Bool {
    guard let base = node.base else { return true }
    guard let reference = base.as(DeclReferenceExprSyntax.self) else { return false }
    return reference.baseName.text.first?.isUppercase ?? false
  }

  /// `let x as T` inside a pattern.
  private func castPattern(_ node: SequenceExprSyntax, binding: Bool) throws -> CasePattern? {
    let elements = Array(node.elements)
    guard elements.count == 3, let cast = elements[1].as(UnresolvedAsExprSyntax.self),
      cast.questionOrExclamationMark == nil,
      let type = elements[2].as(TypeExprSyntax.self)
    else { return nil }
    return .cast(try lowerPatternExpr(elements[0], binding: binding), try lowerType(type.type))
  }
}
