/// Declaring user types (`struct`, `class`, `enum`, `protocol`) and extending them (and the
/// built-in types): members become a `UserType`, bound to the type's name; conformances to the
/// cell's protocols are checked here, when the declaration runs.
extension Interpreter {
  /// Protocols of the standard library a type may name (only some have requirements here).
  static let standardProtocols: Set<String> = [
    "Equatable", "Hashable", "Comparable", "CustomStringConvertible",
    "CustomDebugStringConvertible", "CaseIterable",
    "Error", "Codable", "Encodable", "Decodable", "Sendable", "Identifiable", "AnyObject",
  ]
  /// Built-in types an extension may add members to.
  static let extensibleBuiltins: Set<String> = [
    "Int", "Double", "Float", "String", "Bool", "Array", "Dictionary", "Set",
  ]

  func declareType(_ decl: TypeDecl, in scope: Scope) throws {
    if decl.kind == .extensionType { return try extend(decl, in: scope) }
    typeDefinitions += 1
    let type = UserType(
      name: decl.name, kind: decl.kind, scope: scope, definition: typeDefinitions,
      isFinal: decl.isFinal)
    type.interpreter = self
    try inherit(decl, into: type, in: scope)
    scope.define(decl.name, .type(type), isLet: true)
    if decl.kind == .enumType { try addCases(decl, to: type, in: scope) }
    try addMembers(decl, to: type, in: scope)
    try checkConformances(type, type.conformances, decl.nameSpan)
  }

  /// The superclass, protocols and raw type written after `:`.
  private func inherit(_ decl: TypeDecl, into type: UserType, in scope: Scope) throws {
    for (position, (name, span)) in decl.inherited.enumerated() {
      if decl.kind == .enumType, position == 0,
        ["Int", "String", "Double", "Character"].contains(name)
      {
        type.rawType = name
      } else if case .type(let other)? = scope.lookup(name)?.value {
        switch other.kind {
        case .classType:
          guard decl.kind == .classType, position == 0 else {
            throw error(.inheritanceFromClass(decl.name, name), span)
          }
          if other.isFinal { throw error(.inheritanceFromFinal(name), span) }
          type.superclass = other
          type.stored = other.stored
          type.fieldIndex = other.fieldIndex
        case .protocolType:
          type.conformances.append(name)
          type.conformances += other.conformances
        default:
          throw error(.inheritanceFromValueType(name, other.kind.rawValue), span)
        }
      } else if Self.standardProtocols.contains(name) || hostProtocols[name] != nil {
        type.conformances.append(name)
      } else {
        throw error(.undefinedType(name), span)
      }
    }
  }

  /// Properties, methods, initializers and static members of a declaration or extension.
  private func addMembers(_ decl: TypeDecl, to type: UserType, in scope: Scope) throws {
    for property in decl.properties {
      if type.kind == .protocolType && property.getter == nil && property.initial == nil {
        type.requirements.append((property.name, false))
      } else if property.isStatic {
        try addStatic(property, to: type, in: scope)
      } else if let getter = property.getter {
        let accessors = (
          method(accessor: property.name, [], getter, property.type, type, scope),
          property.setter.map { method(accessor: "set", [$0.parameter], $0.body, nil, type, scope) }
        )
        for accessor in [accessors.0, accessors.1].compactMap({ $0 }) {
          accessor.receiverConstraints = decl.receiverConstraints
        }
        type.computed[property.name] = accessors
      } else {
        if decl.kind == .extensionType || type.kind == .enumType {
          throw error(.storedPropertyInExtension(property.name), property.span)
        }
        type.fieldIndex[property.name] = type.stored.count
        type.stored.append(property)
        if property.willSet != nil || property.didSet != nil {
          type.observers[property.name] = (
            property.willSet.map {
              method(accessor: "willSet", [$0.parameter], $0.body, nil, type, scope)
            },
            property.didSet.map {
              method(accessor: "didSet", [$0.parameter], $0.body, nil, type, scope)
            }
          )
        }
      }
    }
    for member in decl.methods {
      let closure = Closure(function: member.function, scope: scope)
      closure.owner = type
      let method = UserType.Method(member, closure)
      method.receiverConstraints = decl.receiverConstraints
      if member.isRequirement {
        type.requirements.append((member.function.name, true))
      } else if member.function.name == "init" {
        type.inits.append(method)
      } else if member.isStatic {
        type.staticMethods[member.function.name, default: []].append(method)
      } else {
        type.methods[member.function.name, default: []].append(method)
      }
      if member.isMutating && type.kind != .classType {
        userMutatingNames.insert(member.function.name)
      }
    }
  }

  /// A getter, setter or observer as a method of `type`.
  private func method(
    accessor name: String, _ parameters: [String], _ body: [Stmt], _ result: TypeRef?,
    _ type: UserType, _ scope: Scope
  ) -> UserType.Method {
    let span = body.first?.span ?? Span(0, 0)
    let decl = FunctionDecl(
      name: name,
      parameters: parameters.map {
        ParameterDecl(label: nil, name: $0, type: nil, defaultValue: nil, span: span)
      }, returnType: result, body: body, span: span, file: file)
    let closure = Closure(function: decl, scope: scope)
    closure.owner = type
    return UserType.Method(
      MethodDecl(function: decl, isStatic: false, isMutating: name != "get", isOverride: false),
      closure)
  }

  private func addStatic(_ property: PropertyDecl, to type: UserType, in scope: Scope) throws {
    if let getter = property.getter {
      type.staticComputed[property.name] = method(
        accessor: property.name, [], getter, property.type, type, scope)
      return
    }
    let receiver = Box(.type(type), isLet: true)
    var value = Value.null
    if let initial = property.initial {
      let inner = Scope(parent: scope)
      inner.set("self", receiver)
      value = try evaluate(initial, in: inner)
    }
    if let declared = property.type {
      guard let checked = conform(value, to: declared) else {
        throw error(
          .typeAnnotationMismatch(declared.description, value.typeName),
          property.initial?.span ?? property.span)
      }
      value = checked
    }
    type.statics[property.name] = Box(value, isLet: property.isLet, type: property.type)
  }

  /// An enum's cases and raw values (Int counting up from the last given, String the case name).
  private func addCases(_ decl: TypeDecl, to type: UserType, in scope: Scope) throws {
    var next = 0
    for item in decl.cases {
      type.caseIndex[item.name] = type.cases.count
      type.cases.append(item)
      guard let rawType = type.rawType else {
        if let raw = item.rawValue { throw error(.rawValueWithoutType(type.name), raw.span) }
        continue
      }
      var raw: Value
      if let expr = item.rawValue {
        raw = try evaluate(expr, in: scope)
      } else if rawType == "Int" {
        raw = .int(next)
      } else if rawType == "String" {
        raw = .string(item.name)
      } else {
        throw error(.rawValueNeeded(item.name, rawType), item.span)
      }
      guard let checked = conform(raw, to: .named(rawType)) else {
        throw error(
          .typeAnnotationMismatch(rawType, raw.typeName), item.rawValue?.span ?? item.span)
      }
      raw = checked
      if let number = raw.intValue, rawType == "Int" { next = number + 1 }
      if type.rawValues.contains(where: { equal($0, raw) }) {
        throw error(.duplicateRawValue(raw.debugDescription), item.span)
      }
      type.rawValues.append(raw)
    }
  }

  /// `extension T { … }`: members (and conformances) added to a user type or a built-in one.
  private func extend(_ decl: TypeDecl, in scope: Scope) throws {
    let type: UserType
    if case .type(let existing)? = scope.lookup(decl.name)?.value {
      type = existing
    } else if Self.extensibleBuiltins.contains(decl.name) {
      let name = decl.name == "Float" ? "Double" : decl.name
      if let existing = builtinExtensions[name] {
        type = existing
      } else {
        typeDefinitions += 1
        type = UserType(
          name: name, kind: .extensionType, scope: globals, definition: typeDefinitions,
          isFinal: true)
        type.interpreter = self
        builtinExtensions[name] = type
      }
    } else {
      throw error(.undefinedType(decl.name), decl.nameSpan)
    }
    var added: [String] = []
    for (name, span) in decl.inherited {
      if case .type(let proto)? = scope.lookup(name)?.value, proto.kind == .protocolType {
        added += [name] + proto.conformances
      } else if Self.standardProtocols.contains(name) || hostProtocols[name] != nil {
        added.append(name)
      } else {
        throw error(.undefinedType(name), span)
      }
    }
    try addMembers(decl, to: type, in: scope)
    type.conformances += added
    try checkConformances(type, added, decl.nameSpan)
  }

  /// Every requirement of `protocols` must be a member of `type` (or a default of a protocol extension).
  func checkConformances(_ type: UserType, _ protocols: [String], _ span: Span) throws {
    guard type.kind != .protocolType else { return }
    for name in protocols {
      var requirements: [(name: String, isMethod: Bool)] = []
      if let proto = userProtocol(name, in: type.scope) {
        requirements = proto.requirements
      } else if let host = hostProtocols[name] {
        try checkHostConformance(type, host, span)
      } else if name == "CustomStringConvertible" {
        requirements = [("description", false)]
      } else if name == "Comparable" {
        requirements = [("<", true)]
      }
      for requirement in requirements where !hasMember(type, requirement.name) {
        throw error(
          .missingRequirement(type.name, name, requirement.name, isMethod: requirement.isMethod),
          span)
      }
    }
  }

  /// The protocol declared in a cell under `name`, which hides a host protocol of that name.
  func userProtocol(_ name: String, in scope: Scope) -> UserType? {
    guard case .type(let proto)? = scope.lookup(name)?.value, proto.kind == .protocolType else {
      return nil
    }
    return proto
  }

  /// A host protocol's method must be there with its parameter and result types.
  private func checkHostConformance(_ type: UserType, _ host: HostProtocol, _ span: Span) throws {
    let candidates = type.methods(named: host.method) ?? []
    if candidates.contains(where: { host.isMet(by: $0.decl.function) }) { return }
    throw error(
      candidates.isEmpty
        ? .missingRequirement(type.name, host.name, host.signature, isMethod: true)
        : .requirementSignature(type.name, host.name, host.method, host.signature), span)
  }

  private func hasMember(_ type: UserType, _ name: String) -> Bool {
    type.lineage.contains {
      $0.fieldIndex[name] != nil || $0.staticMethods[name] != nil || $0.statics[name] != nil
    }
      || type.methods(named: name) != nil || type.computedProperty(name) != nil
      || type.caseIndex[name] != nil
  }
}
