/// Types and patterns: a type's methods, accessors and initial values are resolved with `self`
/// declared, and a member named without `self.` becomes `self.name` (the type's members, its
/// other declarations in the cell, and those of earlier cells). `switch` cases bind their
/// pattern's names; a switch over an enum or a Bool that misses a case is an error here, before
/// the cell runs, as in Swift.
extension Resolver {
  /// Resolves the members of a `struct`, `class`, `enum`, `protocol` or `extension`.
  func resolveType(_ decl: TypeDecl) {
    let members = memberNames(of: decl)
    for property in decl.properties {
      if let initial = property.initial { resolve(initial) }
      let names = ["self"]
      if let getter = property.getter {
        resolveMember(
          FunctionDecl(
            name: property.name, parameters: [], returnType: property.type, body: getter,
            span: property.span, file: decl.file), members, names)
      }
      for accessor in [property.setter, property.willSet, property.didSet].compactMap({ $0 }) {
        resolveMember(
          FunctionDecl(
            name: property.name, parameters: [], returnType: nil, body: accessor.body,
            span: property.span, file: decl.file), members, names + [accessor.parameter])
      }
    }
    for method in decl.methods where !method.isRequirement {
      resolveMember(method.function, members, ["self"])
    }
    for item in decl.cases { if let raw = item.rawValue { resolve(raw) } }
  }

  private func resolveMember(_ function: FunctionDecl, _ members: Set<String>, _ names: [String]) {
    typeContexts.append((blocks.count, members))
    defer { typeContexts.removeLast() }
    resolveFunction(function, function.span, extraNames: names)
  }

  /// Members visible without `self.`: the declaration's, the same type's other declarations in
  /// this cell, and (through `typeMembers`) what earlier cells declared for it and its parents.
  private func memberNames(of decl: TypeDecl) -> Set<String> {
    var names = decl.memberNames.union(typeMembers(decl.name))
    for other in cellTypes[decl.name] ?? [] { names.formUnion(other.memberNames) }
    for (parent, _) in decl.inherited {
      names.formUnion(typeMembers(parent))
      for other in cellTypes[parent] ?? [] { names.formUnion(other.memberNames) }
    }
    return names
  }

  /// An identifier inside a method that names a member (and no local): rewritten to `self.name`.
  func rewriteImplicitSelf(_ expr: Expr, _ name: String) -> Bool {
    guard let (index, members) = typeContexts.last, members.contains(name) else { return false }
    for block in blocks[index...] where block.names[name] != nil { return false }
    expr.kind = .member(Expr(.identifier("self"), expr.span), name: name, nameSpan: expr.span)
    return true
  }

  // MARK: - Patterns and switch

  /// Reads the values inside a pattern and declares the names it binds.
  func resolvePattern(_ pattern: CasePattern) {
    switch pattern {
    case .wildcard, .isType: break
    case .binding(let name, _): declare(name, isLet: true)
    case .expression(let expr): resolve(expr)
    case .tuple(let elements): for element in elements { resolvePattern(element) }
    case .enumCase(_, _, let payload): for element in payload ?? [] { resolvePattern(element) }
    case .some(let inner), .cast(let inner, _): resolvePattern(inner)
    }
  }

  func resolveSwitch(_ subject: Expr, _ cases: [SwitchCase], _ span: Span) {
    resolve(subject)
    switchDepth += 1
    defer { switchDepth -= 1 }
    for item in cases {
      for (pattern, guardExpr) in item.patterns {
        nested {
          resolvePattern(pattern)
          if let guardExpr { resolve(guardExpr) }
        }
      }
      let names = item.patterns.first?.pattern.names ?? []
      resolveBlock(item.body, boundary: .none) { block in
        for name in names {
          block.names[name] = Binding(isLet: true, isFunction: false, declared: true)
        }
      }
    }
    checkExhaustive(cases, Span(span.start, min(span.end, span.start + 6)))
  }

  /// Swift's rule: a switch without `default` must cover every case of an enum, both Bools, or
  /// (for other values) end in a pattern that matches anything.
  private func checkExhaustive(_ cases: [SwitchCase], _ span: Span) {
    if cases.contains(where: \.isDefault) { return }
    let patterns = cases.flatMap { $0.patterns.filter { $0.guard == nil }.map(\.pattern) }
    let all = cases.flatMap { $0.patterns.map(\.pattern) }
    if patterns.contains(where: Self.isIrrefutable) { return }
    var enumNames: [String] = []
    var covered: Set<String> = []
    var bools: Set<Bool> = []
    var others = false
    for pattern in all {
      switch pattern {
      case .enumCase(let name, _, let payload):
        enumNames.append(name)
        if patterns.contains(where: { if case .enumCase(name, _, _) = $0 { true } else { false } }),
          (payload ?? []).allSatisfy(Self.isIrrefutable)
        {
          covered.insert(name)
        }
      case .expression(let expr):
        if case .literal(.bool(let flag)) = expr.kind { bools.insert(flag) } else { others = true }
      default:
        return  // tuples, casts: checked when the cell runs
      }
    }
    if !enumNames.isEmpty && !others && bools.isEmpty {
      let known = [("Optional", ["some", "none"])] + enumsInScope()
      guard let (_, names) = known.first(where: { Set($0.1).isSuperset(of: enumNames) }) else {
        return
      }
      let missing = names.filter { !covered.contains($0) }.map { "." + $0 }
      if !missing.isEmpty { report(.switchNotExhaustive(missing), span) }
    } else if !bools.isEmpty && !others && enumNames.isEmpty {
      let missing = [true, false].filter { !bools.contains($0) }.map { String($0) }
      if !missing.isEmpty { report(.switchNotExhaustive(missing), span) }
    } else {
      report(.switchNotExhaustive([]), span)
    }
  }

  private func enumsInScope() -> [(String, [String])] {
    let declared = cellTypes.values.flatMap { $0 }.filter { $0.kind == .enumType }.map {
      ($0.name, $0.cases.map(\.name))
    }
    return declared + knownEnums()
  }

  static func isIrrefutable(_ pattern: CasePattern) -> Bool {
    switch pattern {
    case .wildcard, .binding: return true
    case .tuple(let elements): return elements.allSatisfy(isIrrefutable)
    default: return false
    }
  }
}
