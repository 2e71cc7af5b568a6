/// Statements: bindings, assignments, control flow (blocks, loops, `break`), functions, magics.
extension Resolver {
  // size-budget: one case per statement kind, each a line or three; the dispatch reads best whole.
  func resolve(_ statement: Stmt) {
    switch statement.kind {
    case .expression(let expr):
      resolve(expr)
    case .binding(let isLet, let pattern, _, let value):
      if let value { resolve(value) }
      for name in pattern.names { declare(name, isLet: isLet) }
    case .assignment(let target, _, let value):
      resolve(value)
      resolveTarget(target)
    case .ifElse(let conditions, let then, let otherwise):
      statement.needsBlockScope =
        conditions.contains { if case .optionalBinding = $0 { true } else { false } }
        || Self.declaresNames(then) || otherwise.map(Self.declaresNames) ?? false
      nested {
        resolve(conditions)
        resolveBlock(then, boundary: .none)
      }
      if let otherwise { resolveBlock(otherwise, boundary: .none) }
    case .guardElse(let conditions, let otherwise):
      resolve(conditions)
      resolveBlock(otherwise, boundary: .none)
    case .forIn(let pattern, let sequence, let filter, let body):
      resolve(sequence)
      nested {
        for name in pattern.names { declare(name, isLet: true) }
        loop(statement) {
          if let filter { resolve(filter) }
          resolveBlock(body, boundary: .none)
        }
      }
    case .whileLoop(let conditions, let body):
      nested {
        loop(statement) {
          resolve(conditions)
          resolveBlock(body, boundary: .none)
        }
      }
    case .repeatWhile(let body, let condition):
      loop { resolveBlock(body, boundary: .none) }
      resolve(condition)
    case .breakLoop where switchDepth > 0:
      break
    case .breakLoop, .continueLoop:
      if loopDepth == 0 {
        report(.breakOutsideLoop(statement.kind.isBreak ? "break" : "continue"), statement.span)
      }
    case .breakLabel(let name), .continueLabel(let name):
      resolveJump(to: name, isBreak: statement.kind.isBreak, statement.span)
    case .labeled(let name, let body):
      resolveLabeled(name, body, statement.span)
    case .deferred(let body, let rest):
      resolveBlock(body, boundary: .none)
      for inner in rest { resolve(inner) }
    case .returnValue(let value):
      if let value { resolve(value) }
    case .function(let decl):
      declare(decl.name, isLet: false, isFunction: true)
      resolveFunction(decl, statement.span)
    case .magic(_, _, let body):
      for inner in body { resolve(inner) }
    case .typeDecl(let decl):
      if decl.kind != .extensionType { declare(decl.name, isLet: true, isFunction: true) }
      resolveType(decl)
    case .switchOf(let subject, let cases):
      resolveSwitch(subject, cases, statement.span)
    case .fallthroughCase:
      if switchDepth == 0 { report(.fallthroughOutsideSwitch(), statement.span) }
    case .throwError(let expr):
      resolve(expr)
    case .doCatch(let body, let catches):
      resolveBlock(body, boundary: .none)
      for clause in catches {
        nested {
          if let pattern = clause.pattern {
            resolvePattern(pattern)
          } else {
            declare("error", isLet: true)
          }
          if let guardExpr = clause.guardExpr { resolve(guardExpr) }
          resolveBlock(clause.body, boundary: .none)
        }
      }
    case .importModule, .invalid:
      break
    }
  }

  /// Conditions left to right; `if let x = value` declares `x` after resolving `value`.
  func resolve(_ conditions: [Condition]) {
    for condition in conditions {
      switch condition {
      case .expression(let expr):
        resolve(expr)
      case .optionalBinding(let name, _, let value):
        resolve(value)
        declare(name, isLet: true)
      case .casePattern(let pattern, let value):
        resolve(value)
        resolvePattern(pattern)
      }
    }
  }

  /// Runs `body` inside a fresh block (for `if`/`while` conditions and `for` patterns).
  func nested(_ body: () -> Void) {
    blocks.append(Block(boundary: .none))
    defer { blocks.removeLast() }
    body()
  }

  /// Resolves a loop's body; a `for`/`while` (`statement`) reuses one scope for all iterations
  /// unless a closure or function inside it is found (which could keep an iteration's variables).
  func loop(_ statement: Stmt? = nil, _ body: () -> Void) {
    loopDepth += 1
    if let statement {
      statement.reusesLoopScope = true
      loops.append(statement)
    }
    defer {
      loopDepth -= 1
      if statement != nil { loops.removeLast() }
    }
    body()
  }

  /// `name: statement`: `break name` may end it, `continue name` go on with it when it is a loop.
  func resolveLabeled(_ name: String, _ body: Stmt, _ span: Span) {
    if labels.contains(where: { $0.name == name }) { report(.labelReused(name), span) }
    switch body.kind {
    case .forIn, .whileLoop, .repeatWhile: labels.append((name, true))
    default: labels.append((name, false))
    }
    defer { labels.removeLast() }
    resolve(body)
  }

  /// `break name` / `continue name`: the label must be on a statement around this one (in the
  /// same function or closure), and `continue`'s on a loop.
  func resolveJump(to name: String, isBreak: Bool, _ span: Span) {
    guard let target = labels.last(where: { $0.name == name }) else {
      report(.unresolvedLabel(name), span)
      return
    }
    if !isBreak && !target.isLoop { report(.continueToNonLoop(name), span) }
  }

  /// A closure or function is made here: no loop around it may share its scope.
  func markCapture() {
    for statement in loops { statement.reusesLoopScope = false }
  }

  /// A function body: parameters are `let`s, loops of the caller do not count, and a function
  /// with a result type must return on every path.
  func resolveFunction(_ decl: FunctionDecl, _ span: Span, extraNames: [String] = []) {
    markCapture()
    for parameter in decl.parameters {
      if let value = parameter.defaultValue { resolve(value) }
    }
    let savedLoops = loopDepth, savedLabels = labels
    (loopDepth, labels) = (0, [])
    defer { (loopDepth, labels) = (savedLoops, savedLabels) }
    resolveBlock(decl.body, boundary: .function) { block in
      for parameter in decl.parameters {
        block.names[parameter.name] = Binding(isLet: true, isFunction: false, declared: true)
      }
      for name in extraNames {
        block.names[name] = Binding(isLet: false, isFunction: false, declared: true)
      }
    }
    guard let type = decl.returnType, !Self.isVoid(type) else { return }
    if decl.body.count == 1, case .expression = decl.body[0].kind { return }
    if !Self.definitelyReturns(decl.body) {
      report(
        .missingReturnInFunction(decl.signatureName, type.description),
        Span(max(span.start, span.end - 1), span.end))
    }
  }

  /// Whether a block declares a name of its own (so it needs a scope when it runs).
  static func declaresNames(_ statements: [Stmt]) -> Bool {
    statements.contains { statement in
      switch statement.kind {
      case .binding, .function, .guardElse, .magic, .typeDecl, .deferred: return true
      default: return false
      }
    }
  }

  private static func isVoid(_ type: TypeRef) -> Bool {
    switch type {
    case .named(let name): return name == "Void"
    case .tuple(let elements): return elements.isEmpty
    default: return false
    }
  }

  /// Whether every path through `statements` ends in `return` (or `fatalError`, or a `while true`
  /// loop); simple on purpose: anything else may fall off the end.
  static func definitelyReturns(_ statements: [Stmt]) -> Bool {
    statements.contains { statement in
      switch statement.kind {
      case .returnValue, .throwError: return true
      case .switchOf(_, let cases):
        return !cases.isEmpty && cases.allSatisfy { definitelyReturns($0.body) }
      case .doCatch(let body, let catches):
        return definitelyReturns(body) && catches.allSatisfy { definitelyReturns($0.body) }
      case .ifElse(_, let then, let otherwise):
        return otherwise.map { definitelyReturns(then) && definitelyReturns($0) } ?? false
      case .whileLoop(let conditions, _):
        guard conditions.count == 1, case .expression(let expr) = conditions[0],
          case .literal(.bool(true)) = expr.kind
        else { return false }
        return true
      case .repeatWhile(let body, let condition):
        if case .literal(.bool(true)) = condition.kind { return true }
        return definitelyReturns(body)
      case .labeled(_, let body):
        return definitelyReturns([body])
      case .deferred(_, let rest):
        return definitelyReturns(rest)
      case .expression(let expr):
        guard case .call(let callee, _, _) = expr.kind, case .identifier(let name) = callee.kind
        else { return false }
        return name == "fatalError" || name == "preconditionFailure"
      default: return false
      }
    }
  }
}
