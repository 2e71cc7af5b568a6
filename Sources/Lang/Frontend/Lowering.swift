internal import SwiftSyntax

/// Lowers swift-syntax's tree into Lang's AST (`Stmt`, `Expr`), deciding what the cell language
/// runs and naming what it does not at the exact node ("'struct' is not supported in Stride cells").
///
/// Split by grammar area: `Lowering+Declarations` (bindings, functions, types, patterns),
/// `Lowering+Expressions`, `Lowering+Operators` (folding operator sequences by precedence). A
/// statement that cannot be lowered records its diagnostic and becomes `.invalid`; lowering goes
/// on with the next one, so every error of a cell is reported. Nodes the parser marked missing
/// lower silently (the parser already reported them). Depth is limited (`maximumDepth`), so no
/// input can make the lowering, the evaluator or the tree's deallocation recurse without bound.
final class Lowering {
  /// Thrown to abandon the current statement after its diagnostic was recorded (or silently, for
  /// nodes the parser already reported).
  struct Recover: Error {}

  /// Nested lowered nodes allowed (expressions, statements, types): a few per source level.
  static let maximumDepth = 800

  let file: SourceFile
  let offsets: ScalarOffsets
  private(set) var diagnostics: [Diagnostic] = []
  private var depth = 0
  private(set) var tooDeep = false
  /// For each closure being lowered, the highest `$n` used plus one.
  var implicitCounts: [Int] = []
  /// Generic parameters in scope, innermost last (`Lowering+Generics`).
  var genericScopes: [[String: GenericParameter]] = []
  /// The generic parameter names of the types earlier cells declared, for their extensions.
  let knownGenericTypes: [String: [String]]
  /// The generic parameter names of the types this cell declares.
  var declaredGenericTypes: [String: [String]] = [:]

  init(file: SourceFile, offsets: ScalarOffsets, knownGenericTypes: [String: [String]] = [:]) {
    self.file = file
    self.offsets = offsets
    self.knownGenericTypes = knownGenericTypes
  }

  // MARK: - Errors and depth

  /// Records a diagnostic and returns the error that abandons the statement.
  func fail(_ message: DiagnosticMessage, _ span: Span) -> Recover {
    diagnostics.append(Diagnostic(message, file: file, span: span))
    return Recover()
  }

  func fail(_ message: DiagnosticMessage, at node: some SyntaxProtocol) -> Recover {
    fail(message, offsets.span(node))
  }

  /// A Swift construct the cell language does not have, named at its node.
  func unsupported(_ construct: String, at node: some SyntaxProtocol) -> Recover {
    fail(.unsupportedConstruct(construct), at: node)
  }

  /// Runs `body` one level deeper; past the limit the whole lowering stops with one diagnostic.
  func nested<T>(_ node: some SyntaxProtocol, _ body: () throws -> T) throws -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth || tooDeep {
      if !tooDeep {
        tooDeep = true
        _ = fail(.nestingTooDeep(CellParser.maximumNesting), at: node)
      }
      throw Recover()
    }
    return try body()
  }

  func span(_ node: some SyntaxProtocol) -> Span { offsets.span(node) }

  // MARK: - Statements

  /// Lowers a list of statements; each failing one is reported and left out.
  func lowerItems(_ items: CodeBlockItemListSyntax) -> [Stmt] {
    var statements: [Stmt] = []
    for item in items {
      if tooDeep { break }
      guard let lowered = try? nested(item, { try lowerItem(item) }) else { continue }
      if item.semicolon != nil, let last = lowered.last { last.suppressesDisplay = true }
      statements += lowered
    }
    return Self.foldingDefers(statements)
  }

  /// Each `defer` (lowered with no `rest`) takes the statements after it in its block as its
  /// `rest`, so the block's end runs the deferred bodies last first.
  static func foldingDefers(_ statements: [Stmt]) -> [Stmt] {
    guard
      let index = statements.firstIndex(where: {
        if case .deferred(_, let rest) = $0.kind { return rest.isEmpty }
        return false
      }), case .deferred(let body, _) = statements[index].kind
    else { return statements }
    let rest = foldingDefers(Array(statements[(index + 1)...]))
    if rest.isEmpty { return statements }
    let folded = Stmt(.deferred(body: body, rest: rest), statements[index].span)
    return Array(statements[..<index]) + [folded]
  }

  private func lowerItem(_ item: CodeBlockItemSyntax) throws -> [Stmt] {
    switch item.item {
    case .decl(let decl): return try lowerDeclaration(decl)
    case .stmt(let statement): return [try lowerStatement(statement)]
    case .expr(let expr): return [try lowerExpressionStatement(expr)]
    }
  }

  func lowerBlock(_ block: CodeBlockSyntax) throws -> [Stmt] {
    try nested(block) {
      let statements = lowerItems(block.statements)
      if tooDeep { throw Recover() }
      return statements
    }
  }

  private func lowerStatement(_ statement: StmtSyntax) throws -> Stmt {
    if let node = statement.as(ExpressionStmtSyntax.self) {
      return try lowerExpressionStatement(node.expression)
    }
    if let node = statement.as(ThrowStmtSyntax.self) {
      return Stmt(.throwError(try lowerExpr(node.expression)), span(node))
    }
    if let node = statement.as(DoStmtSyntax.self) { return try lowerDo(node) }
    if let node = statement.as(FallThroughStmtSyntax.self) {
      return Stmt(.fallthroughCase, span(node))
    }
    if let node = statement.as(GuardStmtSyntax.self) {
      let conditions = try lowerConditions(node.conditions)
      return Stmt(
        .guardElse(conditions: conditions, otherwise: try lowerBlock(node.body)), span(node))
    }
    if let node = statement.as(ForStmtSyntax.self) { return try lowerFor(node) }
    if let node = statement.as(WhileStmtSyntax.self) {
      let conditions = try lowerConditions(node.conditions)
      return Stmt(.whileLoop(conditions: conditions, body: try lowerBlock(node.body)), span(node))
    }
    if let node = statement.as(RepeatStmtSyntax.self) {
      let body = try lowerBlock(node.body)
      return Stmt(.repeatWhile(body: body, condition: try lowerExpr(node.condition)), span(node))
    }
    if let node = statement.as(BreakStmtSyntax.self) {
      return Stmt(node.label.map { .breakLabel($0.text) } ?? .breakLoop, span(node))
    }
    if let node = statement.as(ContinueStmtSyntax.self) {
      return Stmt(node.label.map { .continueLabel($0.text) } ?? .continueLoop, span(node))
    }
    if let node = statement.as(DeferStmtSyntax.self) {
      return Stmt(.deferred(body: try lowerBlock(node.body), rest: []), span(node))
    }
    if let node = statement.as(LabeledStmtSyntax.self) {
      let body = try lowerStatement(node.statement)
      return Stmt(.labeled(label: node.label.text, body: body), span(node))
    }
    if let node = statement.as(ReturnStmtSyntax.self) {
      return Stmt(.returnValue(try node.expression.map { try lowerExpr($0) }), span(node))
    }
    throw unsupportedStatement(statement)
  }

  private func unsupportedStatement(_ statement: StmtSyntax) -> Recover {
    if statement.is(MissingStmtSyntax.self) { return Recover() }
    guard let first = statement.firstToken(viewMode: .sourceAccurate) else { return Recover() }
    return unsupported(first.text, at: first)
  }

  /// An expression as a statement: an assignment (`x = 1`, `total += x`) or a value.
  func lowerExpressionStatement(_ expr: ExprSyntax) throws -> Stmt {
    if let sequence = expr.as(SequenceExprSyntax.self) {
      return try nested(sequence) { try lowerSequenceStatement(sequence) }
    }
    if let ifExpr = expr.as(IfExprSyntax.self) { return try lowerIf(ifExpr) }
    if let switchExpr = expr.as(SwitchExprSyntax.self) { return try lowerSwitch(switchExpr) }
    let value = try lowerExpr(expr)
    return Stmt(.expression(value), value.span)
  }

  func lowerIf(_ node: IfExprSyntax) throws -> Stmt {
    try nested(node) {
      let conditions = try lowerConditions(node.conditions)
      let then = try lowerBlock(node.body)
      var otherwise: [Stmt]?
      switch node.elseBody {
      case .ifExpr(let inner): otherwise = [try lowerIf(inner)]
      case .codeBlock(let block): otherwise = try lowerBlock(block)
      case nil: break
      }
      return Stmt(.ifElse(conditions: conditions, then: then, otherwise: otherwise), span(node))
    }
  }

  private func lowerFor(_ node: ForStmtSyntax) throws -> Stmt {
    for keyword in [node.tryKeyword, node.awaitKeyword, node.unsafeKeyword] {
      if let keyword { throw unsupported(keyword.text, at: keyword) }
    }
    if node.caseKeyword != nil { return try lowerForCase(node) }
    let pattern = try lowerPattern(node.pattern)
    let sequence = try lowerExpr(node.sequence)
    let filter = try node.whereClause.map { try lowerExpr($0.condition) }
    let body = try lowerBlock(node.body)
    return Stmt(
      .forIn(pattern: pattern, sequence: sequence, filter: filter, body: body), span(node))
  }

  /// `cond, let x = optional, var y, …`.
  func lowerConditions(_ list: ConditionElementListSyntax) throws -> [Condition] {
    try list.map { element in
      switch element.condition {
      case .expression(let expr):
        return .expression(try lowerExpr(expr))
      case .optionalBinding(let binding):
        guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
          throw unsupported("tuple patterns in 'if let'", at: binding.pattern)
        }
        let name = pattern.identifier.identifier?.name ?? pattern.identifier.text
        let nameSpan = span(pattern)
        let value =
          try binding.initializer.map { try lowerExpr($0.value) }
          ?? Expr(.identifier(name), nameSpan)
        return .optionalBinding(name: name, span: nameSpan, value: value)
      case .matchingPattern(let node):
        return .casePattern(
          try lowerCasePattern(node.pattern), try lowerExpr(node.initializer.value))
      case .availability(let node):
        throw unsupported("#available", at: node)
      }
    }
  }
}
