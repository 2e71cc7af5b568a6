/// `switch` (patterns, `where`, several patterns per case, `default`, `fallthrough`, `break`),
/// `if case`/`guard case`/`for case`, and matching a pattern against a value.
extension Interpreter {
  func executeSwitch(_ subject: Expr, _ cases: [SwitchCase], _ span: Span, in scope: Scope) throws
    -> Flow
  {
    let value = try evaluate(subject, in: scope)
    var falling = false
    for item in cases {
      var inner = Scope(parent: scope)
      var matched = falling || item.isDefault
      if !matched {
        for (pattern, guardExpr) in item.patterns {
          let trial = Scope(parent: scope)
          guard try match(pattern, value, in: trial) else { continue }
          if let guardExpr, try !truth(guardExpr, in: trial) { continue }
          inner = trial
          matched = true
          break
        }
      }
      guard matched else { continue }
      switch try execute(item.body, in: inner) {
      case .fallthroughCase: falling = true
      case .normal, .breakLoop: return .normal
      case let other: return other
      }
    }
    if falling { return .normal }
    throw error(.switchNoMatch(value.debugDescription), subject.span)
  }

  /// Whether `value` matches `pattern`; its names are bound in `scope`.
  func match(_ pattern: CasePattern, _ value: Value, in scope: Scope) throws -> Bool {
    switch pattern {
    case .wildcard:
      return true
    case .binding(let name, _):
      scope.define(name, value, isLet: true)
      return true
    case .expression(let expr):
      let expected = try evaluate(expr, in: scope)
      if case .range(let range) = expected {
        guard let number = value.intValue, case .int = value else { return false }
        let (low, high) = range.bounds(count: Int.max)
        return number >= low && number < high
      }
      if Self.userType(of: value) != nil || Self.userType(of: expected) != nil {
        return equalInstances(expected, value)
      }
      return equal(expected, value)
    case .tuple(let elements):
      guard case .tuple(let parts) = value, parts.count == elements.count else { return false }
      for (element, part) in zip(elements, parts) where try !match(element, part, in: scope) {
        return false
      }
      return true
    case .enumCase(let name, _, let payload):
      return try matchCase(name, payload, value, in: scope)
    case .some(let inner):
      return value.isNil ? false : try match(inner, value, in: scope)
    case .isType(let type):
      return isInstance(value, of: type)
    case .cast(let inner, let type):
      guard isInstance(value, of: type), let converted = conform(value, to: type) else {
        return false
      }
      return try match(inner, converted, in: scope)
    }
  }

  private func matchCase(_ name: String, _ payload: [CasePattern]?, _ value: Value, in scope: Scope)
    throws -> Bool
  {
    if name == "none" && payload == nil, value.isNil { return true }
    if name == "some", let payload, payload.count == 1 {
      return value.isNil ? false : try match(payload[0], value, in: scope)
    }
    guard case .instance(let instance) = value, instance.caseIndex >= 0,
      instance.type.cases[instance.caseIndex].name == name
    else { return false }
    guard let payload else { return true }
    if payload.count == 1 && instance.fields.count != 1 {
      return try match(payload[0], .tuple(instance.fields), in: scope)
    }
    guard payload.count == instance.fields.count else { return false }
    for (element, field) in zip(payload, instance.fields)
    where try !match(element, field, in: scope) { return false }
    return true
  }

  /// `value is T`: like an annotation, but an Int is not a Double.
  func isInstance(_ value: Value, of type: TypeRef) -> Bool {
    if case .int = value, case .named(let name) = type, name == "Double" || name == "Float" {
      return false
    }
    return conform(value, to: type) != nil
  }

  /// `as`, `as?` (nil when it fails), `as!` (an error when it fails).
  func cast(_ value: Value, _ type: TypeRef, _ mode: String, _ span: Span) throws -> Value {
    if mode != "as" && !isInstance(value, of: type) {
      if mode == "as?" { return .null }
      throw error(.castFailed(value.typeName, type.description), span)
    }
    guard let converted = conform(value, to: type) else {
      if mode == "as?" { return .null }
      throw error(
        mode == "as"
          ? .typeAnnotationMismatch(type.description, value.typeName)
          : .castFailed(value.typeName, type.description), span)
    }
    return converted
  }
}
