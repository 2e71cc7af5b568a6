/// Swift's errors: `throw` (a value whose type conforms to `Error`), `do`/`catch` with patterns,
/// `try`, `try?` (nil on error), `try!` (a run-time error on error), and `super` in classes.
extension Interpreter {
  /// The error that carries a thrown value up to a `catch` (or out of the cell, named by its type).
  func thrown(_ value: Value, _ span: Span) throws -> RuntimeError {
    let conforms = Self.userType(of: value)?.satisfies("Error") ?? false
    guard conforms else { throw error(.notAnError(value.typeName), span) }
    var failure = error(.uncaughtError(value.typeName, value.debugDescription), span)
    failure.thrown = value
    return failure
  }

  func executeDo(_ body: [Stmt], _ catches: [CatchClause], in scope: Scope) throws -> Flow {
    do {
      return try execute(body, in: Scope(parent: scope))
    } catch let failure as RuntimeError {
      guard let value = failure.thrown else { throw failure }
      for clause in catches {
        let inner = Scope(parent: scope)
        if let pattern = clause.pattern {
          guard try match(pattern, value, in: inner) else { continue }
        } else {
          inner.define("error", value, isLet: true)
        }
        if let guardExpr = clause.guardExpr, try !truth(guardExpr, in: inner) { continue }
        return try execute(clause.body, in: inner)
      }
      throw failure
    }
  }

  func evaluateTry(_ inner: Expr, _ mode: String, _ span: Span, in scope: Scope) throws -> Value {
    guard mode != "try" else { return try evaluate(inner, in: scope) }
    do {
      return try evaluate(inner, in: scope)
    } catch let failure as RuntimeError where failure.thrown != nil {
      if mode == "try?" { return .null }
      throw error(.tryForceFailed(failure.thrown?.debugDescription ?? ""), span)
    }
  }

  // MARK: - super

  private func superContext(_ span: Span, in scope: Scope) throws -> (UserType, Box) {
    guard case .type(let parent)? = scope.lookup("$super")?.value,
      let receiver = scope.lookup("self")
    else {
      throw error(.superOutsideSubclass(), span)
    }
    return (parent, receiver)
  }

  /// `super.name(…)`, `super.init(…)`: the superclass's method on the same `self`.
  func callSuper(
    _ name: String, _ arguments: ArgumentList, _ nameSpan: Span, _ span: Span, in scope: Scope
  ) throws -> Value {
    let (parent, receiver) = try superContext(nameSpan, in: scope)
    let candidates =
      name == "init"
      ? parent.lineage.first { !$0.inits.isEmpty }?.inits : parent.methods(named: name)
    guard let candidates else {
      if name == "init" { return .void }
      throw error(.noMember(parent.name, name, suggestion: nil), nameSpan)
    }
    let method = try choose(candidates, arguments, name, span)
    return try callClosure(method.closure, arguments, span, receiver: receiver)
  }

  /// `super.name` as a value: the superclass's computed property (or a stored one).
  func superMember(_ name: String, _ nameSpan: Span, in scope: Scope) throws -> Value {
    let (parent, receiver) = try superContext(nameSpan, in: scope)
    if let (getter, _) = parent.computedProperty(name) {
      return try callClosure(getter.closure, [], nameSpan, receiver: receiver)
    }
    return try member(of: receiver.value, name, nameSpan)
  }
}
