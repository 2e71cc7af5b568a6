internal import SwiftSyntax

/// Declarations (`let`/`var` with one or more bindings, `func`, `import`; every other declaration
/// named as unsupported), parameters, types and binding patterns.
extension Lowering {
  func lowerDeclaration(_ decl: DeclSyntax) throws -> [Stmt] {
    if let node = decl.as(VariableDeclSyntax.self) { return try lowerVariable(node) }
    if let node = decl.as(FunctionDeclSyntax.self) { return [try lowerFunction(node)] }
    if let type = try lowerTypeDeclaration(decl) { return [type] }
    if let node = decl.as(ImportDeclSyntax.self) {
      let name = node.path.map(\.name.text).joined(separator: ".")
      guard name == "Stride" else { throw fail(.unknownModule(name), at: node.path) }
      return [Stmt(.importModule(name), span(node))]
    }
    throw unsupportedDeclaration(decl)
  }

  /// Names the keyword of a declaration the language lacks (`struct`, `class`, `actor`, …).
  private func unsupportedDeclaration(_ decl: DeclSyntax) -> Recover {
    if decl.is(MissingDeclSyntax.self) { return Recover() }
    if let keyword = declarationKeyword(decl) { return unsupported(keyword.text, at: keyword) }
    if let macro = decl.as(MacroExpansionDeclSyntax.self) {
      return unsupported("#" + macro.macroName.text, at: macro)
    }
    guard let first = decl.firstToken(viewMode: .sourceAccurate) else { return Recover() }
    return unsupported(first.text, at: first)
  }

  private func declarationKeyword(_ decl: DeclSyntax) -> TokenSyntax? {
    if let node = decl.as(StructDeclSyntax.self) { return node.structKeyword }
    if let node = decl.as(ClassDeclSyntax.self) { return node.classKeyword }
    if let node = decl.as(EnumDeclSyntax.self) { return node.enumKeyword }
    if let node = decl.as(ProtocolDeclSyntax.self) { return node.protocolKeyword }
    if let node = decl.as(ExtensionDeclSyntax.self) { return node.extensionKeyword }
    if let node = decl.as(ActorDeclSyntax.self) { return node.actorKeyword }
    if let node = decl.as(TypeAliasDeclSyntax.self) { return node.typealiasKeyword }
    if let node = decl.as(InitializerDeclSyntax.self) { return node.initKeyword }
    if let node = decl.as(EnumCaseDeclSyntax.self) { return node.caseKeyword }
    return nil
  }

  /// Attributes and modifiers (`@discardableResult`, `static`, `private`, …) are not in the language.
  func rejectDecorations(_ attributes: AttributeListSyntax, _ modifiers: DeclModifierListSyntax)
    throws
  {
    if let attribute = attributes.first {
      throw unsupported(attribute.trimmedDescription, at: attribute)
    }
    if let modifier = modifiers.first { throw unsupported(modifier.name.text, at: modifier.name) }
  }

  /// `let a = 1`, `var (x, y) = t`, and several at once: `let n = xs.count, m = ys.count`.
  private func lowerVariable(_ node: VariableDeclSyntax) throws -> [Stmt] {
    try rejectDecorations(node.attributes, node.modifiers)
    let keyword = node.bindingSpecifier
    guard keyword.tokenKind == .keyword(.let) || keyword.tokenKind == .keyword(.var) else {
      throw unsupported(keyword.text, at: keyword)
    }
    var statements: [Stmt] = []
    for (index, binding) in node.bindings.enumerated() {
      if let accessors = binding.accessorBlock {
        throw unsupported("computed properties", at: accessors)
      }
      let pattern = try lowerPattern(binding.pattern)
      let type = try binding.typeAnnotation.map { try lowerType($0.type) }
      let value = try binding.initializer.map { try lowerExpr($0.value) }
      let start = index == 0 ? span(keyword).start : span(binding).start
      if value == nil && type == nil {
        throw fail(.bindingNeedsValue(), Span(start, span(binding).end))
      }
      let end = value?.span.end ?? span(binding).end
      statements.append(
        Stmt(
          .binding(
            isLet: keyword.tokenKind == .keyword(.let), pattern: pattern, type: type,
            value: value), Span(start, end)))
    }
    return statements
  }

  private func lowerFunction(_ node: FunctionDeclSyntax) throws -> Stmt {
    try rejectDecorations(node.attributes, node.modifiers)
    guard let name = node.name.identifier?.name else {
      throw unsupported("operator", at: node.name)
    }
    return Stmt(.function(try functionDecl(node, name: name)), span(node))
  }

  /// A `func`'s signature and body (its modifiers checked by the caller); `throws` is accepted.
  func functionDecl(_ node: FunctionDeclSyntax, name: String, requirement: Bool = false) throws
    -> FunctionDecl
  {
    try withGenerics([], node.genericParameterClause, node.genericWhereClause) {
      try functionBody(node, name: name, requirement: requirement)
    }
  }

  private func functionBody(_ node: FunctionDeclSyntax, name: String, requirement: Bool) throws
    -> FunctionDecl
  {
    let signature = node.signature
    if let keyword = signature.effectSpecifiers?.asyncSpecifier {
      throw unsupported(keyword.text, at: keyword)
    }
    let parameters = try signature.parameterClause.parameters.map { try lowerParameter($0) }
    let returnType = try signature.returnClause.map { try lowerType($0.type) }
    let body: [Stmt]
    if let bodyNode = node.body {
      body = try lowerBlock(bodyNode)
    } else if requirement {
      body = []
    } else {
      throw fail(.expected("{", "to start the function body"), Span(span(node).end, span(node).end))
    }
    return FunctionDecl(
      name: name, parameters: parameters, returnType: returnType, body: body,
      span: span(node.funcKeyword, to: node.name), file: file)
  }

  func span(_ first: some SyntaxProtocol, to last: some SyntaxProtocol) -> Span {
    offsets.span(first, to: last)
  }

  /// `label name: Type = default`, `_ name: Type`, `name: Type...`.
  func lowerParameter(_ node: FunctionParameterSyntax) throws -> ParameterDecl {
    try rejectDecorations(node.attributes, node.modifiers)
    let first = node.firstName
    let label = first.tokenKind == .wildcard ? nil : (first.identifier?.name ?? first.text)
    let name = node.secondName.map { $0.identifier?.name ?? $0.text } ?? label ?? "_"
    let type = try lowerType(node.type)
    let defaultValue = try node.defaultValue.map { try lowerExpr($0.value) }
    return ParameterDecl(
      label: label, name: name, type: type, defaultValue: defaultValue,
      variadic: node.ellipsis != nil, span: span(node))
  }

  // MARK: - Types

  func lowerType(_ type: TypeSyntax) throws -> TypeRef {
    try nested(type) { try lowerTypeNode(type) }
  }

  private func lowerTypeNode(_ type: TypeSyntax) throws -> TypeRef {
    if let node = type.as(IdentifierTypeSyntax.self) {
      if let generics = node.genericArgumentClause {
        return try lowerGenericType(node.name.text, generics)
      }
      return erasedGeneric(node.name.text) ?? .named(node.name.text)
    }
    if let node = type.as(ArrayTypeSyntax.self) { return .array(try lowerType(node.element)) }
    if let node = type.as(DictionaryTypeSyntax.self) {
      return .dictionary(try lowerType(node.key), try lowerType(node.value))
    }
    if let node = type.as(OptionalTypeSyntax.self) {
      return .optional(try lowerType(node.wrappedType))
    }
    if let node = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
      return .optional(try lowerType(node.wrappedType))
    }
    if let node = type.as(TupleTypeSyntax.self) {
      let elements = try node.elements.map { try lowerType($0.type) }
      return elements.count == 1 ? elements[0] : .tuple(elements)
    }
    if let node = type.as(FunctionTypeSyntax.self) {
      if let keyword = node.effectSpecifiers?.asyncSpecifier {
        throw unsupported(keyword.text, at: keyword)
      }
      return .function(
        try node.parameters.map { try lowerType($0.type) }, try lowerType(node.returnClause.type))
    }
    if let node = type.as(SomeOrAnyTypeSyntax.self) { return try lowerType(node.constraint) }
    if let node = type.as(AttributedTypeSyntax.self) {
      if let specifier = (node.specifiers.first ?? node.lateSpecifiers.first)?.firstToken(
        viewMode: .sourceAccurate)
      {
        throw unsupported(specifier.text, at: specifier)
      }
      return try lowerType(node.baseType)
    }
    if type.is(MissingTypeSyntax.self) { throw Recover() }
    guard let first = type.firstToken(viewMode: .sourceAccurate) else { throw Recover() }
    throw unsupported(first.text, at: first)
  }

  // MARK: - Patterns

  /// `name`, `_`, or `(pattern, pattern, …)`.
  func lowerPattern(_ pattern: PatternSyntax) throws -> Pattern {
    try nested(pattern) {
      if let node = pattern.as(IdentifierPatternSyntax.self) {
        return .name(node.identifier.identifier?.name ?? node.identifier.text, span(node))
      }
      if pattern.is(WildcardPatternSyntax.self) { return .wildcard }
      if let node = pattern.as(TuplePatternSyntax.self) {
        let elements = try node.elements.map { try lowerPattern($0.pattern) }
        return elements.count == 1 ? elements[0] : .tuple(elements)
      }
      if pattern.is(MissingPatternSyntax.self) { throw Recover() }
      if let node = pattern.as(ValueBindingPatternSyntax.self) {
        throw unsupported(
          node.bindingSpecifier.text + " inside a pattern", at: node.bindingSpecifier)
      }
      throw unsupported("this pattern", at: pattern)
    }
  }
}
