/// Assignment targets (`x`, `a[i]`, `d[k]`, `t.0`, `model.member`, nested) and mutating methods
/// (`a.append(x)`). Indices are evaluated first, then the variable is modified in place, so
/// appending in a loop stays O(1) amortised.
extension Interpreter {
  /// Names of the mutating methods of built-in values (tables in `Builtins/`).
  static let mutatingMethods: Set<String> = ArrayMutations.names.union(
    DictionaryMembers.mutatingNames
  )
  .union(SetMembers.mutatingNames)

  private enum Accessor {
    case index([Value], Span)
    /// `d[key, default: value]`.
    case keyWithDefault(Value, Value, Span)
    case element(Int, Span)
    case member(String, Span)
  }

  func assign(_ target: Expr, op: String, _ valueExpr: Expr, code: Opcode?, in scope: Scope) throws
  {
    let value = try evaluate(valueExpr, in: scope)
    let span = target.span.to(valueExpr.span)
    if case .tuple(let targets) = target.kind {
      return try assignParts(targets, value, span, in: scope)
    }
    if case .identifier = target.kind,
      let result = try assignNumber(target, op, code, value, span, in: scope)
    {
      return result
    }
    if case .member = target.kind,
      let result = try assignStoredField(target, op, code, value, span, in: scope)
    {
      return result
    }
    try modify(target, in: scope, span) { current in
      if op == "=" {
        current = value
      } else if op == "+=", case .string(let piece) = value, var text = Self.takeString(&current) {
        defer { current = .string(text) }
        guard text.utf8.count + piece.utf8.count <= Self.maximumStringLength else {
          throw error(.tooLarge("string"), span)
        }
        try reserveString(piece.utf8.count, span)
        text += piece
      } else {
        current = try binary(String(op.dropLast()), current, value, span)
      }
    }
  }

  /// `(a, b) = value`: the value (computed before any part is assigned, so `(a, b) = (b, a)`
  /// swaps) must be a tuple of as many parts; `_` drops its part.
  private func assignParts(_ targets: [Expr], _ value: Value, _ span: Span, in scope: Scope)
    throws
  {
    guard case .tuple(let parts) = value, parts.count == targets.count else {
      throw error(.patternMismatch(targets.count, value.typeName), span)
    }
    for (target, part) in zip(targets, parts) {
      switch target.kind {
      case .tuple(let inner): try assignParts(inner, part, span, in: scope)
      case .identifier("_"): continue
      default: try modify(target, in: scope, span) { $0 = part }
      }
    }
  }

  /// `x = n`, `x += n`, … on an untyped `var` holding an Int or Double and an Int or Double value,
  /// without the accessor path; nil when that is not the case (the general path takes it).
  private func assignNumber(
    _ target: Expr, _ op: String, _ code: Opcode?, _ value: Value, _ span: Span,
    in scope: Scope
  ) throws -> Void? {
    let box = try lookup(target, in: scope)
    guard !box.isLet, box.type == nil else { return nil }
    if op == "=" {
      box.value = value
      return ()
    }
    guard let code, code.isArithmetic else { return nil }
    switch (box.value, value) {
    case (.int(let a), .int(let b)):
      guard let result = code.apply(a, b) else { return nil }
      box.value = result
    case (.double(let a), .double(let b)): box.value = code.apply(a, b)
    case (.double(let a), .int(let b)): box.value = code.apply(a, Double(b))
    default: return nil
    }
    return ()
  }

  /// Calls a mutating method on a variable's array or dictionary; nil when the receiver is not one.
  func callMutating(
    _ base: Expr, _ name: String, _ arguments: [Expr.Argument], _ trailing: ClosureDecl?,
    _ span: Span,
    in scope: Scope
  ) throws -> Value? {
    guard isPath(base) else { return nil }
    guard isCollection(try evaluate(base, in: scope)) else { return nil }
    var values: ArgumentList = try arguments.map { ($0.label, try evaluate($0.value, in: scope)) }
    if let trailing {
      values.append((Self.trailingLabel, .closure(Closure(closure: trailing, scope: scope))))
    }
    var result = Value.void
    try modify(base, in: scope, span, checksType: false) { current in
      result = try BuiltinMembers.mutate(&current, name, values, self, span)
    }
    return result
  }

  /// Checks the kind without keeping a reference, so the array stays uniquely owned for mutation.
  private func isCollection(_ value: Value) -> Bool {
    switch value {
    case .array, .dictionary: return true
    case .host(let object): return object is SetObject
    default: return false
    }
  }

  func isPath(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .identifier: return true
    case .subscriptAccess(let base, _), .tupleElement(let base, _), .member(let base, _, _):
      return isPath(base)
    default: return false
    }
  }

  /// Resolves `target` to a variable and a path of accessors, then modifies in place.
  func modify(
    _ target: Expr, in scope: Scope, _ span: Span, checksType: Bool = true,
    _ body: (inout Value) throws -> Void
  ) throws {
    var accessors: [Accessor] = []
    var root = target
    while true {
      switch root.kind {
      case .subscriptAccess(let base, let arguments):
        let indices = try arguments.map { try evaluate($0.value, in: scope) }
        if indices.count == 2, arguments[1].label == "default" {
          accessors.append(.keyWithDefault(indices[0], indices[1], root.span))
        } else {
          accessors.append(.index(indices, root.span))
        }
        root = base
        continue
      case .tupleElement(let base, let position):
        accessors.append(.element(position, root.span))
        root = base
        continue
      case .member(let base, let name, let nameSpan):
        accessors.append(.member(name, nameSpan))
        root = base
        continue
      default: break
      }
      break
    }
    accessors.reverse()
    guard case .identifier(let name) = root.kind else {
      var value = try evaluate(root, in: scope)
      return try apply(&value, accessors[...], span, body)
    }
    let box = try lookup(root, in: scope)
    if box.isLet, !(accessors.first.map { _ in isHost(box.value) } ?? false) {
      throw error(.assignToConstant(name), root.span)
    }
    if case .host(let object) = box.value, let first = accessors.first {
      // A host object is a reference: no access to the binding is held while its setter runs
      // (a widget's onChange may assign to the same binding again).
      return try applyToHost(object, first, accessors.dropFirst(), span, body)
    }
    initializingReceiver = box.isInitializing
    defer { initializingReceiver = false }
    try apply(&box.value, accessors[...], span, body)
    if checksType, let type = box.type, accessors.isEmpty {
      guard let checked = conform(box.value, to: type) else {
        throw error(.typeAnnotationMismatch(type.description, box.value.typeName), span)
      }
      box.value = checked
    }
  }

  /// A reference (host object, class instance, type): a `let` holding it may be assigned through.
  private func isHost(_ value: Value) -> Bool {
    switch value {
    case .host, .object, .type: return true
    default: return false
    }
  }

  private func apply(
    _ value: inout Value, _ path: ArraySlice<Accessor>, _ span: Span,
    _ body: (inout Value) throws -> Void
  ) throws {
    guard let accessor = path.first else { return try body(&value) }
    let rest = path.dropFirst()
    if case .host(let object) = value { return try applyToHost(object, accessor, rest, span, body) }
    switch accessor {
    case .index(let indices, let at):
      if var elements = Self.takeArray(&value) {
        defer { value = .array(elements) }
        guard indices.count == 1, let position = indices[0].intValue else {
          throw error(
            .wrongType(
              "an array subscript", expected: "Int", got: indices.first?.typeName ?? "nothing"), at)
        }
        guard elements.indices.contains(position) else {
          throw error(.indexOutOfRange(position, count: elements.count), at)
        }
        try apply(&elements[position], rest, span, body)
      } else if var dictionary = Self.takeDictionary(&value) {
        defer { value = .dictionary(dictionary) }
        guard indices.count == 1 else { throw error(.notSubscriptable("Dictionary"), at) }
        var entry = dictionary[indices[0]] ?? .null
        if entry.isNil { try reserveDictionaryGrowth(dictionary, at) }
        try apply(&entry, rest, span, body)
        guard dictionary.set(indices[0], entry.isNil ? nil : entry) else {
          throw error(
            .wrongType(
              "a dictionary key", expected: "Int, Double, Bool or String", got: indices[0].typeName),
            at)
        }
      } else {
        throw error(.notAssignable(), at)
      }
    case .keyWithDefault(let key, let fallback, let at):
      guard var dictionary = Self.takeDictionary(&value) else {
        throw error(.notSubscriptable(value.typeName), at)
      }
      defer { value = .dictionary(dictionary) }
      var entry = dictionary[key] ?? fallback
      if dictionary[key] == nil { try reserveDictionaryGrowth(dictionary, at) }
      try apply(&entry, rest, span, body)
      guard dictionary.set(key, entry) else {
        throw error(
          .wrongType(
            "a dictionary key", expected: "Int, Double, Bool or String", got: key.typeName), at)
      }
    case .element(let position, let at):
      guard var elements = Self.takeTuple(&value) else { throw error(.notAssignable(), at) }
      defer { value = .tuple(elements) }
      guard elements.indices.contains(position) else {
        throw error(.indexOutOfRange(position, count: elements.count), at)
      }
      try apply(&elements[position], rest, span, body)
    case .member(let name, let at):
      try assignUserMember(&value, name, at) { try self.apply(&$0, rest, span, body) }
    }
  }

  /// Moves an array out of `value` (leaving Void), so it is uniquely referenced and mutates in place.
  static func takeArray(_ value: inout Value) -> [Value]? {
    guard case .array(let elements) = value else { return nil }
    value = .void
    return elements
  }

  /// Moves a string out of `value` (leaving Void), so `+=` appends in place.
  static func takeString(_ value: inout Value) -> String? {
    guard case .string(let text) = value else { return nil }
    value = .void
    return text
  }

  static func takeDictionary(_ value: inout Value) -> DictionaryValue? {
    guard case .dictionary(let dictionary) = value else { return nil }
    value = .void
    return dictionary
  }

  static func takeTuple(_ value: inout Value) -> [Value]? {
    guard case .tuple(let elements) = value else { return nil }
    value = .void
    return elements
  }

  private func applyToHost(
    _ object: any HostObject, _ accessor: Accessor, _ rest: ArraySlice<Accessor>, _ span: Span,
    _ body: (inout Value) throws -> Void
  ) throws {
    switch accessor {
    case .index(let indices, let at):
      var entry = try host(at) { try object.subscriptGet(indices) } ?? .null
      try apply(&entry, rest, span, body)
      if case .host = entry, !rest.isEmpty { return }
      guard try host(at, { try object.subscriptSet(indices, to: entry) }) else {
        throw error(.notAssignable(), at)
      }
    case .member(let name, let at):
      var entry = try member(of: .host(object), name, at)
      try apply(&entry, rest, span, body)
      if case .host = entry, !rest.isEmpty { return }
      guard try host(at, { try object.setMember(named: name, to: entry) }) else {
        throw error(.notAssignable(), at)
      }
    case .element(_, let at), .keyWithDefault(_, _, let at):
      throw error(.notAssignable(), at)
    }
  }
}
