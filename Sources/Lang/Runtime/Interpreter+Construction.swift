/// Making values of user types: `init`s (chosen by argument labels), Swift's memberwise
/// initializer for structs without their own `init`, enum cases (`.circle(radius: 2)`) and
/// `init?(rawValue:)`.
extension Interpreter {
  func construct(_ type: UserType, _ arguments: ArgumentList, _ span: Span) throws -> Value {
    switch type.kind {
    case .protocolType, .extensionType:
      throw error(.notConstructible(type.name), span)
    case .enumType:
      if type.inits.isEmpty, type.rawType != nil, arguments.count == 1,
        arguments[0].label == "rawValue"
      {
        guard let index = type.rawValues.firstIndex(where: { equal($0, arguments[0].value) }) else {
          return .null
        }
        return .instance(InstanceValue(type: type, fields: [], caseIndex: index))
      }
      guard !type.inits.isEmpty else { throw error(.notConstructible(type.name), span) }
      return try runInit(
        type, chooseInit(type.inits, arguments, type.name, span),
        .instance(InstanceValue(type: type, fields: [])),
        arguments, span)
    case .structType, .classType:
      let blank = try blankValue(type)
      if let inits = initializers(of: type) {
        return try runInit(
          type, chooseInit(inits, arguments, type.name, span), blank, arguments, span)
      }
      if type.kind == .classType {
        guard arguments.isEmpty else { throw error(.extraArgument("\(type.name)()"), span) }
        try checkInitialized(type, blank, span)
        return blank
      }
      return try memberwise(type, blank, arguments, span)
    }
  }

  /// The `init`s a call may use: the type's own, or (a class without any) its superclass's.
  private func initializers(of type: UserType) -> [UserType.Method]? {
    for candidate in type.lineage where !candidate.inits.isEmpty { return candidate.inits }
    return nil
  }

  /// A value with every stored property at its initial value (unset ones hold `()` until `init` sets them).
  func blankValue(_ type: UserType) throws -> Value {
    var fields: [Value] = []
    fields.reserveCapacity(type.stored.count)
    for property in type.stored {
      if let initial = property.initial {
        var value = try evaluate(initial, in: type.scope)
        if let declared = property.type, let checked = conform(value, to: declared) {
          value = checked
        }
        fields.append(value)
      } else if case .optional? = property.type, !property.isLet {
        fields.append(.null)
      } else {
        fields.append(.void)
      }
    }
    if type.kind == .classType { return .object(ObjectRef(type: type, fields: fields)) }
    return .instance(InstanceValue(type: type, fields: fields))
  }

  /// The one `init` whose labels bind the arguments (the first of several that do).
  private func chooseInit(
    _ inits: [UserType.Method], _ arguments: ArgumentList, _ name: String, _ span: Span
  ) throws -> UserType.Method {
    if inits.count == 1 { return inits[0] }
    for candidate in inits
    where
      (try? bindArguments(
        candidate.closure.parameters.map(BindingParameter.init), arguments,
        name, span, scope: candidate.closure.scope)) != nil
    {
      return candidate
    }
    let signatures = inits.map {
      "init(" + $0.closure.parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
    throw error(.noMatchingOverload("\(name) initializer", signatures), span)
  }

  /// Runs an `init` on a blank value; checks that it set every stored property.
  private func runInit(
    _ type: UserType, _ method: UserType.Method, _ blank: Value, _ arguments: ArgumentList,
    _ span: Span
  ) throws -> Value {
    let receiver = Box(blank, isLet: false)
    receiver.isInitializing = true
    let result = try callClosure(method.closure, arguments, span, receiver: receiver)
    if method.decl.isFailable, result.isNil { return .null }
    try checkInitialized(type, receiver.value, method.decl.function.span)
    return receiver.value
  }

  private func checkInitialized(_ type: UserType, _ value: Value, _ span: Span) throws {
    let fields: [Value]
    switch value {
    case .instance(let instance): fields = instance.fields
    case .object(let object): fields = object.fields
    default: return
    }
    for (property, field) in zip(type.stored, fields)
    where isVoid(field) && property.type?.description != "Void" {
      throw error(.propertyNotInitialized(type.name, property.name), span)
    }
  }

  /// Swift's memberwise initializer: one labelled parameter per stored property in order, those
  /// with an initial value optional; a `let` with an initial value is not a parameter.
  private func memberwise(_ type: UserType, _ blank: Value, _ arguments: ArgumentList, _ span: Span)
    throws -> Value
  {
    guard case .instance(var instance) = blank else { return blank }
    var parameters: [BindingParameter] = []
    var slots: [Int] = []
    for (index, property) in type.stored.enumerated()
    where !(property.isLet && property.initial != nil) {
      let parameter = ParameterDecl(
        label: property.name, name: property.name, type: property.type,
        defaultValue: property.initial
          ?? (isVoid(instance.fields[index]) ? nil : Expr(.literal(.null), property.span)),
        span: property.span)
      parameters.append(BindingParameter(parameter))
      slots.append(index)
    }
    let signature =
      "init(" + parameters.map { "\($0.label ?? "_"): …" }.joined(separator: ", ") + ")"
    let values = try bindArguments(
      parameters, arguments, "\(type.name)(" + parameters.map { "\($0.name):" }.joined() + ")",
      span, scope: type.scope, signature: signature)
    for (slot, value) in zip(slots, values) {
      let property = type.stored[slot]
      guard let declared = property.type else {
        instance.fields[slot] = value
        continue
      }
      guard let checked = conform(value, to: declared) else {
        throw error(
          .wrongType(
            "argument '\(property.name)' of \(type.name)", expected: declared.description,
            got: value.typeName), span)
      }
      instance.fields[slot] = checked
    }
    return .instance(instance)
  }

  /// `Shape.circle(radius: 2)` or `.circle(radius: 2)`: an enum case with associated values.
  func makeCase(_ type: UserType, _ index: Int, _ arguments: ArgumentList, _ span: Span) throws
    -> Value
  {
    let item = type.cases[index]
    guard let associated = item.associated else {
      throw error(.notCallable("\(type.name).\(item.name)"), span)
    }
    let parameters = associated.enumerated().map { position, element in
      BindingParameter(
        ParameterDecl(
          label: element.label, name: element.label ?? "_\(position)", type: element.type,
          defaultValue: nil, span: span))
    }
    let values = try bindArguments(parameters, arguments, "\(type.name).\(item.name)", span)
    var fields: [Value] = []
    for (value, element) in zip(values, associated) {
      guard let checked = conform(value, to: element.type) else {
        throw error(
          .wrongType(
            "\(type.name).\(item.name)", expected: element.type.description, got: value.typeName),
          span)
      }
      fields.append(checked)
    }
    return .instance(InstanceValue(type: type, fields: fields, caseIndex: index))
  }

  /// `.name` or `.name(…)` where no type is written: the case of the one enum (among the
  /// session's globals) that has it.
  func implicitCase(_ name: String, _ arguments: ArgumentList, _ span: Span) throws -> Value {
    let candidates = globals.names.values.compactMap { box -> UserType? in
      guard case .type(let type) = box.value, type.kind == .enumType, type.caseIndex[name] != nil
      else { return nil }
      return type
    }
    guard candidates.count == 1, let type = candidates.first, let index = type.caseIndex[name]
    else {
      throw error(.notCallable("." + name), span)
    }
    return try makeCase(type, index, arguments, span)
  }

  /// `.north` where an enum `name` (or a static member of a struct) is expected.
  func implicitMember(_ member: String, as name: String) -> Value? {
    guard case .type(let type)? = globals.lookup(name)?.value else { return nil }
    if let index = type.caseIndex[member], type.cases[index].associated == nil {
      return .instance(InstanceValue(type: type, fields: [], caseIndex: index))
    }
    return type.statics[member]?.value
  }
}
