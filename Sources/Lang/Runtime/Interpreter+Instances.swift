/// Members of user types: stored and computed properties, enum raw values, static members,
/// methods (bound to `self`), and the user's operators (`static func ==`, `<`).
extension Interpreter {
  /// A property, case, static member or bound method of a user value or type; nil when it has none.
  func userMember(_ value: Value, _ name: String, _ span: Span) throws -> Value? {
    switch value {
    case .instance(let instance):
      if let index = instance.type.fieldIndex[name] { return instance.fields[index] }
      if name == "rawValue", instance.caseIndex >= 0,
        instance.type.rawValues.indices.contains(instance.caseIndex)
      {
        return instance.type.rawValues[instance.caseIndex]
      }
      return try computedOrBound(value, instance.type, name, span)
    case .object(let object):
      if let index = object.type.fieldIndex[name] { return object.fields[index] }
      return try computedOrBound(value, object.type, name, span)
    case .type(let type):
      return try staticMember(type, name, span)
    default:
      guard let type = builtinExtensions[value.typeName] else { return nil }
      return try computedOrBound(value, type, name, span)
    }
  }

  private func computedOrBound(_ value: Value, _ type: UserType, _ name: String, _ span: Span)
    throws -> Value?
  {
    if let (getter, _) = type.computedProperty(name) {
      _ = try fitting([getter], value, name, span)
      return try callClosure(getter.closure, [], span, receiver: Box(value, isLet: true))
    }
    if let methods = type.methods(named: name) { return bound(methods[0], to: value) }
    if name == "description" { return .string(value.description) }
    return nil
  }

  /// A method as a value: a closure whose scope holds `self`.
  private func bound(_ method: UserType.Method, to value: Value) -> Value {
    let scope = Scope(parent: method.closure.scope)
    scope.set("self", Box(value, isLet: true))
    let closure = Closure(function: method.decl.function, scope: scope)
    closure.owner = method.closure.owner
    return .closure(closure)
  }

  private func staticMember(_ type: UserType, _ name: String, _ span: Span) throws -> Value? {
    if let index = type.caseIndex[name] {
      if type.cases[index].associated == nil {
        return .instance(InstanceValue(type: type, fields: [], caseIndex: index))
      }
      return nil
    }
    for candidate in type.lineage {
      if let box = candidate.statics[name] { return box.value }
      if let getter = candidate.staticComputed[name] {
        return try callClosure(getter.closure, [], span, receiver: Box(.type(type), isLet: true))
      }
      if let methods = candidate.staticMethods[name] { return bound(methods[0], to: .type(type)) }
    }
    if name == "allCases", type.kind == .enumType, type.satisfies("CaseIterable") {
      return .array(
        type.cases.indices.map { .instance(InstanceValue(type: type, fields: [], caseIndex: $0)) })
    }
    return nil
  }

  /// The names completion and did-you-mean offer for a user value or type.
  func userMemberNames(_ value: Value) -> [String] {
    let type: UserType
    switch value {
    case .instance(let instance): type = instance.type
    case .object(let object): type = object.type
    case .type(let declared):
      return declared.cases.map(\.name)
        + declared.lineage.flatMap { Array($0.statics.keys) + Array($0.staticMethods.keys) }
    default: return []
    }
    return type.lineage.flatMap {
      Array($0.fieldIndex.keys) + Array($0.computed.keys) + Array($0.methods.keys)
    }
  }

  // MARK: - Methods

  /// `value.name(arguments)` on a user value or type (or a built-in value with an extension); nil when it has no such method.
  func callUserMethod(_ receiver: Value, _ name: String, _ arguments: ArgumentList, _ span: Span)
    throws -> Value?
  {
    let type: UserType
    switch receiver {
    case .type(let declared):
      if let index = declared.caseIndex[name] {
        return try makeCase(declared, index, arguments, span)
      }
      if name == "init" { return try construct(declared, arguments, span) }
      for candidate in declared.lineage {
        if let methods = candidate.staticMethods[name] {
          return try callClosure(
            choose(methods, arguments, name, span).closure, arguments, span,
            receiver: Box(receiver, isLet: true))
        }
      }
      return nil
    case .instance(let instance): type = instance.type
    case .object(let object): type = object.type
    default:
      guard let extended = builtinExtensions[receiver.typeName] else { return nil }
      type = extended
    }
    guard let methods = type.methods(named: name) else { return nil }
    let method = try choose(try fitting(methods, receiver, name, span), arguments, name, span)
    return try callClosure(
      method.closure, arguments, span, receiver: Box(receiver, isLet: !method.decl.isMutating))
  }

  /// The overload whose labels bind the arguments.
  func choose(_ methods: [UserType.Method], _ arguments: ArgumentList, _ name: String, _ span: Span)
    throws -> UserType.Method
  {
    if methods.count == 1 { return methods[0] }
    for method in methods
    where
      (try? bindArguments(
        method.closure.parameters.map(BindingParameter.init), arguments, name, span,
        scope: method.closure.scope)) != nil
    {
      return method
    }
    throw error(.noMatchingOverload(name, methods.map(\.closure.signatureName)), span)
  }

  /// A `mutating` method of a struct or enum (or of a built-in type's extension) called `name`.
  func mutatingMethod(_ receiver: Value, _ name: String) -> [UserType.Method]? {
    let type: UserType?
    switch receiver {
    case .instance(let instance): type = instance.type
    case .object, .type, .host, .native, .closure: type = nil
    default: type = builtinExtensions[receiver.typeName]
    }
    guard let methods = type?.methods(named: name), methods.contains(where: \.decl.isMutating)
    else { return nil }
    return methods
  }

  /// `p.move(by: 1)` where `move` is `mutating`: runs it on the variable's value and stores the result back.
  func callUserMutating(
    _ base: Expr, _ name: String, _ arguments: [Expr.Argument], _ trailing: ClosureDecl?,
    _ span: Span,
    in scope: Scope
  ) throws -> Value? {
    guard isPath(base) else { return nil }
    guard var methods = mutatingMethod(try evaluate(base, in: scope), name) else { return nil }
    // (the value is not kept: the array stays unique)
    if methods.contains(where: { !$0.receiverConstraints.isEmpty }) {
      methods = try fitting(methods, try evaluate(base, in: scope), name, span)
    }
    var root = base
    while case .member(let inner, _, _) = root.kind { root = inner }
    while case .subscriptAccess(let inner, _) = root.kind { root = inner }
    if case .identifier(let rootName) = root.kind, try lookup(root, in: scope).isLet {
      throw error(.mutatingOnConstant(name, rootName), base.span)
    }
    var values: ArgumentList = try arguments.map { ($0.label, try evaluate($0.value, in: scope)) }
    if let trailing {
      values.append((Self.trailingLabel, .closure(Closure(closure: trailing, scope: scope))))
    }
    let method = try choose(methods, values, name, span)
    if let result = try callMutatingDirectly(base, method, values, span, in: scope) {
      return result
    }
    var result = Value.void
    try modify(base, in: scope, span, checksType: false) { current in
      result = try callMutating(method, on: &current, values, span)
    }
    return result
  }

  /// Runs a method on a value moved out of its place (so it is uniquely referenced) and back.
  private func callMutating(
    _ method: UserType.Method, on current: inout Value, _ values: ArgumentList,
    _ span: Span
  ) throws -> Value {
    let receiver = Box(current, isLet: !method.decl.isMutating)
    current = .void
    defer { current = receiver.value }
    return try callClosure(method.closure, values, span, receiver: receiver)
  }

  /// `p.step()` and `particles[i].step()` on a `var` without the accessor path (`modify`); nil
  /// when the general path must take it (other targets, a `let`, `self` in an `init`, a bad index).
  private func callMutatingDirectly(
    _ base: Expr, _ method: UserType.Method, _ values: ArgumentList, _ span: Span,
    in scope: Scope
  ) throws -> Value? {
    switch base.kind {
    case .identifier:
      let box = try lookup(base, in: scope)
      guard !box.isLet, !box.isInitializing, case .instance = box.value else { return nil }
      return try callMutating(method, on: &box.value, values, span)
    case .subscriptAccess(let array, let arguments):
      guard arguments.count == 1, arguments[0].label == nil, case .identifier = array.kind else {
        return nil
      }
      let box = try lookup(array, in: scope)
      guard !box.isLet, case .array = box.value else { return nil }
      guard let position = try evaluate(arguments[0].value, in: scope).intValue,
        var elements = Self.takeArray(&box.value)
      else { return nil }
      defer { box.value = .array(elements) }
      guard elements.indices.contains(position) else {
        throw error(.indexOutOfRange(position, count: elements.count), base.span)
      }
      return try callMutating(method, on: &elements[position], values, span)
    default:
      return nil
    }
  }
}
