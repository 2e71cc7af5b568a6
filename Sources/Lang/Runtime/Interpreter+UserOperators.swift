/// Operators on user values: the type's own (`static func ==`, `<`, `+`), `>`/`<=`/`>=` derived
/// from a user `<`, `==` synthesised for Equatable types (and enums without payloads), and `===`
/// for class instances; plus how user values print.
extension Interpreter {
  /// `lhs op rhs` where one side is a user value; nil when the operator is not defined for it.
  func userOperator(_ op: String, _ lhs: Value, _ rhs: Value, _ span: Span) throws -> Value? {
    if op == "===" || op == "!==" {
      guard case .object(let a) = lhs, case .object(let b) = rhs else { return .bool(op == "!==") }
      return .bool((a === b) == (op == "==="))
    }
    guard let type = Self.userType(of: lhs) ?? Self.userType(of: rhs) ?? typeValue(lhs) else {
      return nil
    }
    if let result = try callOperator(type, op, lhs, rhs, span) { return result }
    switch op {
    case "!=":
      if let result = try callOperator(type, "==", lhs, rhs, span) {
        return .bool(!(result.boolValue ?? false))
      }
    case ">": return try callOperator(type, "<", rhs, lhs, span)
    case "<=":
      return try callOperator(type, "<", rhs, lhs, span).map { .bool(!($0.boolValue ?? true)) }
    case ">=":
      return try callOperator(type, "<", lhs, rhs, span).map { .bool(!($0.boolValue ?? true)) }
    default: break
    }
    guard op == "==" || op == "!=" else { return nil }
    if case .type = lhs { return .bool(equal(lhs, rhs) == (op == "==")) }
    guard type.isEquatable || type.kind == .classType else {
      throw error(.notEquatable(op, type.name), span)
    }
    return .bool(equalInstances(lhs, rhs) == (op == "=="))
  }

  private func typeValue(_ value: Value) -> UserType? {
    if case .type(let type) = value { return type }
    return nil
  }

  private func callOperator(
    _ type: UserType, _ op: String, _ lhs: Value, _ rhs: Value, _ span: Span
  ) throws -> Value? {
    let found =
      type.lineage.lazy.compactMap { $0.staticMethods[op] }.first
      ?? type.protocolDefaults { $0.staticMethods[op] }
    guard let method = found?.first else { return nil }
    return try callClosure(
      method.closure, [(nil, lhs), (nil, rhs)], span, receiver: Box(.type(type), isLet: true))
  }

  /// `==` of user values without raising errors: the user's `==` when it has one, else field by field
  /// (class instances: identity).
  func equalInstances(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.type(let a), .type(let b)): return a === b
    case (.instance(let a), .implicitMember(let name)),
      (.implicitMember(let name), .instance(let a)):
      return a.caseIndex >= 0 && a.type.cases[a.caseIndex].name == name && a.fields.isEmpty
    case (.instance(let a), .instance(let b)):
      guard a.type.name == b.type.name else { return false }
      if let result = try? callOperator(a.type, "==", lhs, rhs, Span(0, 0)) {
        return result.boolValue ?? false
      }
      return a.caseIndex == b.caseIndex && a.fields.count == b.fields.count
        && zip(a.fields, b.fields).allSatisfy { equal($0, $1) }
    case (.object(let a), .object(let b)):
      if a === b { return true }
      if let result = try? callOperator(a.type, "==", lhs, rhs, Span(0, 0)) {
        return result.boolValue ?? false
      }
      return false
    default:
      return false
    }
  }
}

extension UserType {
  /// A struct or enum value as `print` shows it: its `description` when the type has one, else
  /// `Point(x: 1, y: 2)`, `north`, `circle(radius: 2.0)` (quoted: `Direction.north`).
  static func describe(_ instance: InstanceValue, quoted: Bool) -> String {
    if let text = custom(.instance(instance), instance.type) { return text }
    let type = instance.type
    if instance.caseIndex >= 0 {
      let item = type.cases[instance.caseIndex]
      let name = (quoted ? type.name + "." : "") + item.name
      guard let associated = item.associated else { return name }
      let parts = zip(associated, instance.fields).map { element, value in
        (element.label.map { $0 + ": " } ?? "") + value.debugDescription
      }
      return name + "(" + parts.joined(separator: ", ") + ")"
    }
    let parts = zip(type.stored, instance.fields).map { "\($0.name): \($1.debugDescription)" }
    return type.name + "(" + parts.joined(separator: ", ") + ")"
  }

  /// A class instance: its `description`, else its type's name (as Swift prints it, without the module).
  static func describe(_ object: ObjectRef) -> String {
    custom(.object(object), object.type) ?? object.type.name
  }

  private static func custom(_ value: Value, _ type: UserType) -> String? {
    guard let interpreter = type.interpreter, let (getter, _) = type.computedProperty("description")
    else { return nil }
    guard
      let result = try? interpreter.callClosure(
        getter.closure, [], Span(0, 0), receiver: Box(value, isLet: true))
    else {
      return nil
    }
    return result.description
  }
}
