/// Statements: bindings, assignments, control flow, loops, functions, magics.
extension Interpreter {
  func execute(_ statements: [Stmt], in scope: Scope) throws -> Flow {
    for statement in statements {
      let flow = try execute(statement, in: scope)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  // size-budget: one case per statement kind, each a line or three; the dispatch reads best whole.
  func execute(_ statement: Stmt, in scope: Scope) throws -> Flow {
    try tick(statement.span)
    switch statement.kind {
    case .expression(let expr):
      let value = try evaluate(expr, in: scope)
      try exitIfNamedAlone(value)
      if let builder, !isVoid(value) { builder.values.append(value) }
      return .normal
    case .binding(let isLet, let pattern, let type, let valueExpr):
      try executeBinding(
        isLet: isLet, pattern: pattern, type: type, valueExpr, statement.span, in: scope)
      return .normal
    case .assignment(let target, let op, let valueExpr):
      try assign(target, op: op, valueExpr, code: statement.compoundOpcode, in: scope)
      return .normal
    case .ifElse(let conditions, let then, let otherwise):
      let inner = statement.needsBlockScope ? Scope(parent: scope) : scope
      if try test(conditions, in: inner) { return try execute(then, in: inner) }
      guard let otherwise else { return .normal }
      return try execute(otherwise, in: statement.needsBlockScope ? Scope(parent: scope) : scope)
    case .guardElse(let conditions, let otherwise):
      if try test(conditions, in: scope) { return .normal }
      let flow = try execute(otherwise, in: Scope(parent: scope))
      if case .normal = flow { throw error(.guardMustExit(), statement.span) }
      return flow
    case .forIn(let pattern, let sequence, let filter, let body):
      return try executeFor(
        pattern, sequence, filter, body, reusing: statement.reusesLoopScope, in: scope)
    case .whileLoop(let conditions, let body):
      return try executeWhile(
        conditions, body, statement.span, reusing: statement.reusesLoopScope, in: scope)
    case .repeatWhile(let body, let condition):
      return try executeRepeat(body, condition, in: scope)
    case .breakLoop: return .breakLoop
    case .continueLoop: return .continueLoop
    case .breakLabel(let label): return .breakLabel(label)
    case .continueLabel(let label): return .continueLabel(label)
    case .labeled(let label, let body):
      return try executeLabeled(label, body, in: scope)
    case .deferred(let body, let rest):
      return try executeDeferring(body, rest, in: scope)
    case .returnValue(let expr):
      return .returnValue(try expr.map { try evaluate($0, in: scope) } ?? .void)
    case .function(let decl):
      scope.define(decl.name, .closure(Closure(function: decl, scope: scope)), isLet: false)
      return .normal
    case .typeDecl(let decl):
      try declareType(decl, in: scope)
      return .normal
    case .switchOf(let subject, let cases):
      return try executeSwitch(subject, cases, statement.span, in: scope)
    case .fallthroughCase:
      return .fallthroughCase
    case .throwError(let expr):
      throw try thrown(try evaluate(expr, in: scope), statement.span)
    case .doCatch(let body, let catches):
      return try executeDo(body, catches, in: scope)
    case .importModule, .invalid:
      return .normal
    case .magic(let name, let argument, let body):
      try runMagic(name, argument, body, statement.span, in: scope)
      return .normal
    }
  }

  func isVoid(_ value: Value) -> Bool {
    if case .void = value { return true }
    return false
  }

  private func executeBinding(
    isLet: Bool, pattern: Pattern, type: TypeRef?, _ valueExpr: Expr?, _ span: Span,
    in scope: Scope
  ) throws {
    var value = try valueExpr.map { try evaluate($0, in: scope) } ?? .null
    if let type, valueExpr != nil {
      guard let checked = conform(value, to: type) else {
        throw error(
          .typeAnnotationMismatch(type.description, value.typeName), valueExpr?.span ?? span)
      }
      value = checked
    }
    try bind(pattern, to: value, in: scope, isLet: isLet, type: type, span: valueExpr?.span ?? span)
  }

  /// Binds a pattern's names to the parts of a value.
  func bind(
    _ pattern: Pattern, to value: Value, in scope: Scope, isLet: Bool, type: TypeRef? = nil,
    span: Span
  ) throws {
    switch pattern {
    case .name(let name, _):
      scope.define(name, value, isLet: isLet, type: type)
    case .wildcard:
      return
    case .tuple(let elements):
      guard let parts = value.arrayValue, parts.count == elements.count, !isRange(value) else {
        throw error(.patternMismatch(elements.count, value.typeName), span)
      }
      for (element, part) in zip(elements, parts) {
        try bind(element, to: part, in: scope, isLet: isLet, span: span)
      }
    }
  }

  private func isRange(_ value: Value) -> Bool {
    if case .range = value { return true }
    return false
  }

  /// Evaluates conditions left to right; `if let` binds into `scope`.
  func test(_ conditions: [Condition], in scope: Scope) throws -> Bool {
    for condition in conditions {
      switch condition {
      case .expression(let expr):
        guard try truth(expr, in: scope) else { return false }
      case .optionalBinding(let name, _, let valueExpr):
        let value = try evaluate(valueExpr, in: scope)
        if value.isNil { return false }
        scope.define(name, value, isLet: true)
      case .casePattern(let pattern, let valueExpr):
        guard try match(pattern, try evaluate(valueExpr, in: scope), in: scope) else {
          return false
        }
      }
    }
    return true
  }

  /// Evaluates a condition, which must be a Bool.
  func truth(_ expr: Expr, in scope: Scope) throws -> Bool {
    let value = try evaluate(expr, in: scope)
    guard case .bool(let flag) = value else {
      throw error(.wrongType("a condition", expected: "Bool", got: value.typeName), expr.span)
    }
    return flag
  }

  // MARK: - Loops

  /// A scope for every iteration, or (`reusing`, when the body makes no closure) one for all.
  private func loopScope(_ shared: Scope?, _ scope: Scope) -> Scope {
    shared ?? Scope(parent: scope)
  }

  private func sharedScope(_ reusing: Bool, _ scope: Scope) -> Scope? {
    guard reusing else { return nil }
    let shared = Scope(parent: scope)
    shared.reusesBoxes = true
    return shared
  }

  private func executeFor(
    _ pattern: Pattern, _ sequenceExpr: Expr, _ filter: Expr?, _ body: [Stmt],
    reusing: Bool, in scope: Scope
  ) throws -> Flow {
    let label = takeLoopLabel()
    let sequence = try evaluate(sequenceExpr, in: scope)
    if case .range(let range) = sequence, case .name(let name, _) = pattern,
      let lower = range.lower, let upper = range.upper
    {
      return try countingLoop(
        name, lower, upper, range.isClosed, filter, body, sequenceExpr.span, reusing: reusing,
        label: label, in: scope)
    }
    let next = try iterator(for: sequence, sequenceExpr.span)
    let shared = sharedScope(reusing, scope)
    while let element = try host(sequenceExpr.span, next) {
      try tick(sequenceExpr.span)
      let inner = loopScope(shared, scope)
      try bind(pattern, to: element, in: inner, isLet: true, span: sequenceExpr.span)
      if let filter, try !truth(filter, in: inner) { continue }
      if let exit = try execute(body, in: inner).afterLoopBody(label: label) { return exit }
    }
    return .normal
  }

  /// A function returning successive elements of a sequence value, nil at the end.
  func iterator(for sequence: Value, _ span: Span) throws -> () throws -> Value? {
    switch sequence {
    case .range(let range):
      guard let lower = range.lower else {
        throw error(.notIterable("a range without a lower bound"), span)
      }
      if let upper = range.upper, upper < lower { throw error(.invalidRange(lower, upper), span) }
      var current = lower
      var finished = false
      return {
        if finished { return nil }
        if let upper = range.upper, range.isClosed ? current > upper : current >= upper {
          return nil
        }
        let value = current
        if current == Int.max { finished = true } else { current += 1 }
        return .int(value)
      }
    case .array(let elements), .tuple(let elements):
      var position = 0
      return {
        guard position < elements.count else { return nil }
        position += 1
        return elements[position - 1]
      }
    case .dictionary(let dictionary):
      let entries = dictionary.entries
      var position = 0
      return {
        guard position < entries.count else { return nil }
        position += 1
        return .tuple([entries[position - 1].key, entries[position - 1].value])
      }
    case .string(let text):
      var characters = text.makeIterator()
      return { characters.next().map { .string(String($0)) } }
    case .host(let object):
      if let next = try host(span, { try object.makeIterator() }) { return next }
      throw error(.notIterable(object.typeName), span)
    default:
      throw error(.notIterable(sequence.typeName), span)
    }
  }

  /// `for i in a..<b` (or `a...b`) without an iterator closure.
  private func countingLoop(
    _ name: String, _ lower: Int, _ upper: Int, _ closed: Bool, _ filter: Expr?, _ body: [Stmt],
    _ span: Span, reusing: Bool, label: String?, in scope: Scope
  ) throws -> Flow {
    if upper < lower { throw error(.invalidRange(lower, upper), span) }
    let shared = sharedScope(reusing, scope)
    var variable: Box?  // the shared scope's variable, set directly after the first iteration
    var current = lower
    while closed ? current <= upper : current < upper {
      try tick(span)
      let inner = loopScope(shared, scope)
      if let variable {
        variable.value = .int(current)
        variable.isLet = true
        variable.type = nil
      } else {
        inner.define(name, .int(current), isLet: true)
        if shared != nil { variable = inner.local(name) }
      }
      if let filter, try !truth(filter, in: inner) {
        if current == Int.max { break }
        current += 1
        continue
      }
      if let exit = try execute(body, in: inner).afterLoopBody(label: label) { return exit }
      if current == Int.max { break }
      current += 1
    }
    return .normal
  }

  private func executeWhile(
    _ conditions: [Condition], _ body: [Stmt], _ span: Span, reusing: Bool,
    in scope: Scope
  ) throws -> Flow {
    let label = takeLoopLabel()
    let shared = sharedScope(reusing, scope)
    while true {
      try tick(span)
      let inner = loopScope(shared, scope)
      guard try test(conditions, in: inner) else { return .normal }
      if let exit = try execute(body, in: inner).afterLoopBody(label: label) { return exit }
    }
  }

  private func executeRepeat(_ body: [Stmt], _ condition: Expr, in scope: Scope) throws -> Flow {
    let label = takeLoopLabel()
    repeat {
      try tick(condition.span)
      let inner = Scope(parent: scope)
      if let exit = try execute(body, in: inner).afterLoopBody(label: label) { return exit }
    } while try truth(condition, in: scope)
    return .normal
  }

  /// `label: statement`: a loop learns its label as it starts (`continue label` goes on with it);
  /// `break label` from anywhere inside ends the statement.
  private func executeLabeled(_ label: String, _ body: Stmt, in scope: Scope) throws -> Flow {
    switch body.kind {
    case .forIn, .whileLoop, .repeatWhile: pendingLoopLabel = label
    default: pendingLoopLabel = nil
    }
    defer { pendingLoopLabel = nil }
    let flow = try execute(body, in: scope)
    if case .breakLabel(let name) = flow, name == label { return .normal }
    return flow
  }

  /// Runs `rest`, then the deferred `body` (in a scope of its own) whichever way `rest` ended;
  /// an error of `rest` is the one reported even when the body fails too.
  private func executeDeferring(_ body: [Stmt], _ rest: [Stmt], in scope: Scope) throws -> Flow {
    let flow: Flow
    do {
      flow = try execute(rest, in: scope)
    } catch {
      _ = try? execute(body, in: Scope(parent: scope))
      throw error
    }
    _ = try execute(body, in: Scope(parent: scope))
    return flow
  }

  /// The label given to the loop starting now (nil when it has none); cleared for inner loops.
  @inline(__always)
  private func takeLoopLabel() -> String? {
    guard let label = pendingLoopLabel else { return nil }
    pendingLoopLabel = nil
    return label
  }
}
