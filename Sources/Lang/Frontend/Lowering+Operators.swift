internal import SwiftSyntax

/// Folds swift-syntax's flat operator sequences (`a + b * c`, `x = y ?? 0`, `c ? a : b`) into
/// trees by Swift's standard precedence groups, without recursion (operator-precedence parsing
/// with two stacks), so a chain of any length costs no stack; a tree deeper than
/// `CellParser.maximumNesting` is an error, as chained comparisons are.
extension Lowering {
  /// Precedence (higher binds tighter) and right-associativity of Swift's standard groups.
  static let binaryPrecedence: [String: (level: Int, right: Bool)] = [
    "||": (2, false), "&&": (3, false),
    "==": (4, false), "!=": (4, false), "<": (4, false), "<=": (4, false), ">": (4, false),
    ">=": (4, false),
    ".==": (4, false), ".!=": (4, false), ".<": (4, false), ".<=": (4, false), ".>": (4, false),
    ".>=": (4, false),
    "===": (4, false), "!==": (4, false),
    "??": (5, true), "..<": (7, false), "...": (7, false),
    "+": (8, false), "-": (8, false), "&+": (8, false), "&-": (8, false), "|": (8, false),
    "^": (8, false),
    "*": (9, false), "/": (9, false), "%": (9, false), "&*": (9, false), "&": (9, false),
    // the matrix product, MultiplicationPrecedence as Swift for TensorFlow declared it
    "•": (9, false),
    "<<": (10, false), ">>": (10, false),
  ]
  static let ternaryLevel = 1
  static let comparisonLevel = 4
  static let assignmentOperators: Set<String> = [
    "=", "+=", "-=", "*=", "/=", "%=", "&+=", "&-=", "&*=", "&=", "|=", "^=", "<<=", ">>=",
  ]

  static func isRange(_ op: String) -> Bool { op == "..<" || op == "..." }

  /// An operator of a sequence: its spelling, level, and for `? :` the middle operand.
  private struct Operator {
    var text: String
    var level: Int
    var right: Bool
    var node: Syntax
    var middle: Expr?
    /// `is`, `as`, `as?`, `as!`: the type on the right.
    var cast: TypeRef?
  }

  /// Casting binds tighter than `??` and looser than ranges (Swift's CastingPrecedence).
  static let castLevel = 6

  /// A statement that is a sequence: an assignment `target op= value`, or an expression.
  func lowerSequenceStatement(_ sequence: SequenceExprSyntax) throws -> Stmt {
    let elements = Array(sequence.elements)
    guard let index = elements.firstIndex(where: { assignmentOperator($0) != nil }),
      let op = assignmentOperator(elements[index])
    else {
      let value = try fold(sequence.elements)
      return Stmt(.expression(value), value.span)
    }
    let target = try foldElements(Array(elements[..<index]))
    guard isAssignable(target) || (op == "=" && isTupleTarget(target)) else {
      throw fail(.notAssignable(), target.span)
    }
    let value = try foldElements(Array(elements[(index + 1)...]))
    // `_ = f()`: the value is computed and dropped
    if op == "=", case .identifier("_") = target.kind {
      let statement = Stmt(.expression(value), target.span.to(value.span))
      statement.suppressesDisplay = true
      return statement
    }
    return Stmt(.assignment(target: target, op: op, value: value), target.span.to(value.span))
  }

  private func assignmentOperator(_ element: ExprSyntax) -> String? {
    if element.is(AssignmentExprSyntax.self) { return "=" }
    if let node = element.as(BinaryOperatorExprSyntax.self),
      Self.assignmentOperators.contains(node.operator.text)
    {
      return node.operator.text
    }
    return nil
  }

  /// `(a, b)` (nested, `_` allowed) on the left of `=`: each element is assigned its part.
  private func isTupleTarget(_ expr: Expr) -> Bool {
    guard case .tuple(let elements) = expr.kind, elements.count > 1 else { return false }
    return elements.allSatisfy { isAssignable($0) || isTupleTarget($0) }
  }

  private func isAssignable(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .identifier, .subscriptAccess, .tupleElement, .member: return true
    default: return false
    }
  }

  func fold(_ list: ExprListSyntax) throws -> Expr { try foldElements(Array(list)) }

  /// Operands at even positions, operators at odd ones.
  private func foldElements(_ elements: [ExprSyntax]) throws -> Expr {
    guard let first = elements.first else { throw Recover() }
    var operands: [(expr: Expr, depth: Int)] = [(try lowerExpr(first), 1)]
    var operators: [Operator] = []
    var index = 1
    while index + 1 < elements.count {
      let op = try sequenceOperator(elements[index], next: elements[index + 1])
      while let top = operators.last, top.level > op.level || (top.level == op.level && !op.right) {
        if top.level == op.level && top.level == Self.comparisonLevel {
          throw fail(.chainedComparison(op.text), at: op.node)
        }
        try reduce(&operands, &operators)
      }
      operators.append(op)
      if op.cast != nil {
        operands.append((Expr(.literal(.void), span(elements[index + 1])), 1))
      } else {
        operands.append((try lowerExpr(elements[index + 1]), 1))
      }
      index += 2
    }
    if index < elements.count { throw Recover() }
    while !operators.isEmpty { try reduce(&operands, &operators) }
    return operands[0].expr
  }

  private func sequenceOperator(_ element: ExprSyntax, next: ExprSyntax) throws -> Operator {
    if let node = element.as(BinaryOperatorExprSyntax.self) {
      let text = node.operator.text
      if Self.assignmentOperators.contains(text) { throw fail(.assignmentInExpression(), at: node) }
      guard let (level, right) = Self.binaryPrecedence[text] else {
        throw fail(.unknownOperator(text), at: node)
      }
      return Operator(text: text, level: level, right: right, node: Syntax(node))
    }
    if let node = element.as(UnresolvedTernaryExprSyntax.self) {
      return Operator(
        text: "?:", level: Self.ternaryLevel, right: true, node: Syntax(node),
        middle: try lowerExpr(node.thenExpression))
    }
    if element.is(AssignmentExprSyntax.self) { throw fail(.assignmentInExpression(), at: element) }
    if let node = element.as(UnresolvedAsExprSyntax.self) {
      return Operator(
        text: "as" + (node.questionOrExclamationMark?.text ?? ""), level: Self.castLevel,
        right: false,
        node: Syntax(node), cast: try castType(next, node))
    }
    if let node = element.as(UnresolvedIsExprSyntax.self) {
      return Operator(
        text: "is", level: Self.castLevel, right: false, node: Syntax(node),
        cast: try castType(next, node))
    }
    if element.is(MissingExprSyntax.self) { throw Recover() }
    guard let token = element.firstToken(viewMode: .sourceAccurate) else { throw Recover() }
    throw unsupported(token.text, at: token)
  }

  /// The type written after `is`/`as` (the next element of the sequence).
  private func castType(_ next: ExprSyntax, _ node: some SyntaxProtocol) throws -> TypeRef {
    guard let typeExpr = next.as(TypeExprSyntax.self) else {
      throw unsupported("this cast", at: node)
    }
    return try lowerType(typeExpr.type)
  }

  /// Pops one operator and its two operands, pushing the combined node.
  private func reduce(_ operands: inout [(expr: Expr, depth: Int)], _ operators: inout [Operator])
    throws
  {
    let op = operators.removeLast()
    let right = operands.removeLast()
    let left = operands.removeLast()
    let depth = max(left.depth, right.depth, (op.middle != nil ? 1 : 0)) + 1
    if depth > CellParser.maximumNesting {
      throw fail(.nestingTooDeep(CellParser.maximumNesting), at: op.node)
    }
    let whole = left.expr.span.to(right.expr.span)
    let kind: Expr.Kind
    if let type = op.cast {
      kind =
        op.text == "is" ? .typeCheck(left.expr, type) : .typeCast(left.expr, type, mode: op.text)
    } else if let middle = op.middle {
      kind = .ternary(left.expr, middle, right.expr)
    } else if Self.isRange(op.text) {
      kind = .range(lower: left.expr, closed: op.text == "...", upper: right.expr)
    } else {
      kind = .binary(op: op.text, left.expr, right.expr)
    }
    operands.append((Expr(kind, whole), depth))
  }
}
