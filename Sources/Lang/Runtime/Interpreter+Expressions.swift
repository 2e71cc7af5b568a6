import Cancellation

/// Expressions: literals, names, collections, closures, operators, members, subscripts, calls.
extension Interpreter {
  // size-budget: one case per expression kind, each a line or two; the dispatch reads best whole.
  func evaluate(_ expr: Expr, in scope: Scope) throws -> Value {
    evaluationDepth += 1
    defer { evaluationDepth -= 1 }
    if evaluationDepth > Self.maximumEvaluationDepth {
      throw error(.expressionTooDeep(Self.maximumEvaluationDepth), expr.span)
    }
    switch expr.kind {
    case .literal(let value):
      return value
    case .identifier:
      return try lookup(expr, in: scope).value
    case .interpolated(let segments):
      var text = ""
      for segment in segments {
        switch segment {
        case .text(let literal): text += literal
        case .expression(let inner): text += try evaluate(inner, in: scope).description
        }
        if text.utf8.count > Self.maximumStringLength {
          throw error(.tooLarge("string"), expr.span)
        }
        try reserveString(text.utf8.count, expr.span)
      }
      return .string(text)
    case .array(let elements):
      return .array(try elements.map { try evaluate($0, in: scope) })
    case .dictionary(let pairs):
      return try evaluateDictionary(pairs, in: scope)
    case .tuple(let elements):
      return .tuple(try elements.map { try evaluate($0, in: scope) })
    case .closure(let decl):
      return .closure(Closure(closure: decl, scope: scope))
    case .prefix(let op, let operand):
      return try prefix(op, try evaluate(operand, in: scope), expr.span)
    case .binary(let op, let left, let right):
      if let code = expr.opcode {
        return try fastBinary(code, left, right, expr.span, op, in: scope)
      }
      return try evaluateBinary(op, left, right, expr.span, in: scope)
    case .ternary(let condition, let then, let otherwise):
      return try evaluate(try truth(condition, in: scope) ? then : otherwise, in: scope)
    case .range(let lower, let closed, let upper):
      return try evaluateRange(lower, closed, upper, in: scope)
    case .call(let callee, let arguments, let trailing):
      return try evaluateCall(callee, arguments, trailing, expr.span, in: scope)
    case .member(let base, let name, let nameSpan):
      if case .identifier = base.kind, let field = try storedField(base, name, expr, in: scope) {
        return field
      }
      return try member(of: try evaluate(base, in: scope), name, nameSpan)
    case .optionalMember(let base, let name, let nameSpan):
      let value = try evaluate(base, in: scope)
      return value.isNil ? .null : try member(of: value, name, nameSpan)
    case .tupleElement(let base, let position):
      return try tupleElement(try evaluate(base, in: scope), position, expr.span)
    case .implicitMember(let name):
      return .implicitMember(name)
    case .subscriptAccess(let base, let arguments):
      let value = try evaluate(base, in: scope)
      if arguments.count == 1 {
        let index = try evaluate(arguments[0].value, in: scope)
        if case .array(let elements) = value, case .int(let position) = index,
          elements.indices.contains(position)
        {
          return elements[position]
        }
        return try subscriptGet(value, [index], arguments[0].label, expr.span)
      }
      let indices = try arguments.map { try evaluate($0.value, in: scope) }
      return try subscriptGet(value, indices, arguments.first?.label, expr.span)
    case .forceUnwrap(let base):
      let value = try evaluate(base, in: scope)
      if value.isNil { throw error(.nilValue("while unwrapping with '!'"), expr.span) }
      return value
    case .superMember(let name, let nameSpan):
      return try superMember(name, nameSpan, in: scope)
    case .typeCheck(let inner, let type):
      return .bool(isInstance(try evaluate(inner, in: scope), of: type))
    case .typeCast(let inner, let type, let mode):
      return try cast(try evaluate(inner, in: scope), type, mode, expr.span)
    case .tryExpr(let inner, let mode):
      return try evaluateTry(inner, mode, expr.span, in: scope)
    case .invalid:
      throw error(.expectedExpression(), expr.span)
    }
  }

  /// The variable an identifier names, through the node's cache when still valid.
  @inline(__always)
  func lookup(_ expr: Expr, in scope: Scope) throws -> Box {
    let epoch = Scope.epoch.load(ordering: .relaxed)
    if expr.cachedSerial == scope.serial, expr.cachedEpoch == epoch, let box = expr.cachedBox {
      return box
    }
    let box: Box
    if expr.cachedHops == 0, case .identifier(let name) = expr.kind, let found = scope.local(name) {
      // last found in the scope it started from (a call's `self`, a parameter): look there first
      box = found
    } else if expr.cachedOwnerEpoch == epoch, expr.cachedHops > 0,
      let owner = scope.ancestor(expr.cachedHops),
      owner.serial == expr.cachedOwnerSerial, let found = expr.cachedOwnerBox
    {
      box = found
    } else {
      guard case .identifier(let name) = expr.kind, let found = scope.locate(name) else {
        let name: String
        if case .identifier(let written) = expr.kind { name = written } else { name = "" }
        throw error(
          .undefinedName(
            name, suggestion: suggestion(for: name, among: Array(scope.allNames.keys))), expr.span)
      }
      box = found.box
      expr.cachedHops = found.hops
      expr.cachedOwnerSerial = found.owner.serial
      expr.cachedOwnerEpoch = epoch
      expr.cachedOwnerBox = found.box
    }
    scope.observed = true
    expr.cachedSerial = scope.serial
    expr.cachedEpoch = epoch
    expr.cachedBox = box
    return box
  }

  private func evaluateDictionary(_ pairs: [(key: Expr, value: Expr)], in scope: Scope) throws
    -> Value
  {
    var dictionary = DictionaryValue()
    for pair in pairs {
      let key = try evaluate(pair.key, in: scope)
      guard dictionary.set(key, try evaluate(pair.value, in: scope)) else {
        throw error(
          .wrongType(
            "a dictionary key", expected: "Int, Double, Bool or String", got: key.typeName),
          pair.key.span)
      }
    }
    return .dictionary(dictionary)
  }

  private func evaluateRange(_ lower: Expr?, _ closed: Bool, _ upper: Expr?, in scope: Scope) throws
    -> Value
  {
    func bound(_ expr: Expr?) throws -> Int? {
      guard let expr else { return nil }
      let value = try evaluate(expr, in: scope)
      guard let number = value.intValue else {
        throw error(.wrongType("a range bound", expected: "Int", got: value.typeName), expr.span)
      }
      return number
    }
    let low = try bound(lower)
    let high = try bound(upper)
    if let low, let high, high < low, let lower, let upper {
      throw error(.invalidRange(low, high), lower.span.to(upper.span))
    }
    return .range(RangeValue(lower: low, upper: high, isClosed: closed))
  }

  private func evaluateBinary(
    _ op: String, _ left: Expr, _ right: Expr, _ span: Span, in scope: Scope
  ) throws -> Value {
    switch op {
    case "&&":
      return .bool(try truth(left, in: scope) && truth(right, in: scope))
    case "||":
      return .bool(try truth(left, in: scope) || truth(right, in: scope))
    case "??":
      let value = try evaluate(left, in: scope)
      return value.isNil ? try evaluate(right, in: scope) : value
    default:
      let lhs = try evaluate(left, in: scope)
      let rhs = try evaluate(right, in: scope)
      return try binary(op, lhs, rhs, span)
    }
  }

  /// Int and Double operands of an interned operator, without string comparisons.
  @inline(__always)
  private func fastBinary(
    _ code: Opcode, _ left: Expr, _ right: Expr, _ span: Span, _ op: String, in scope: Scope
  ) throws -> Value {
    let lhs = try evaluate(left, in: scope)
    let rhs = try evaluate(right, in: scope)
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)):
      if let result = code.apply(a, b) { return result }
    case (.double(let a), .double(let b)): return code.apply(a, b)
    case (.int(let a), .double(let b)): return code.apply(Double(a), b)
    case (.double(let a), .int(let b)): return code.apply(a, Double(b))
    default: break
    }
    return try binary(op, lhs, rhs, span)
  }

  func tupleElement(_ value: Value, _ position: Int, _ span: Span) throws -> Value {
    guard case .tuple(let elements) = value else {
      throw error(.noMember(value.typeName, String(position), suggestion: nil), span)
    }
    guard elements.indices.contains(position) else {
      throw error(.indexOutOfRange(position, count: elements.count), span)
    }
    return elements[position]
  }

  /// Runs host code, turning its errors into diagnostics at `span`.
  func host<T>(_ span: Span, _ body: () throws -> T) throws -> T {
    let outer = hostSpan
    hostSpan = span
    defer { hostSpan = outer }
    do {
      return try body()
    } catch let failure as HostError {
      throw error(.hostError(failure.kind, failure.message, hint: failure.hint), span)
    } catch is Interrupted {
      throw error(.interrupted(), span)
    }
  }

  /// The closest name by edit distance, when close enough to be a likely typo.
  func suggestion(for name: String, among candidates: [String]) -> String? {
    Suggestions.closest(to: name, among: candidates)
  }
}
