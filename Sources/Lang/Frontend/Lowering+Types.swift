internal import SwiftSyntax

/// `struct`, `class`, `enum`, `protocol` and `extension` declarations with their members: stored
/// and computed properties (`get`/`set`, `willSet`/`didSet`), methods, `init`/`init?`, `deinit`
/// (accepted, never run), operators (`static func ==`), and enum cases with raw or associated
/// values. Nested types, subscripts and generic parameters are named as unsupported.
extension Lowering {
  /// Modifiers a member may carry; access control is accepted and has no effect in a cell.
  static let memberModifiers: Set<String> = [
    "static", "class", "mutating", "nonmutating", "override", "final", "required", "convenience",
    "indirect",
    "private", "fileprivate", "internal", "public", "open", "lazy",
  ]

  /// A type declaration lowered, or nil when `decl` is not one.
  func lowerTypeDeclaration(_ decl: DeclSyntax) throws -> Stmt? {
    let kind: TypeDecl.Kind
    let nameToken: TokenSyntax
    let nameNode: Syntax
    let inheritance: InheritanceClauseSyntax?
    let members: MemberBlockSyntax
    let modifiers: DeclModifierListSyntax
    let attributes: AttributeListSyntax
    var generics: GenericParameterClauseSyntax?
    if let node = decl.as(StructDeclSyntax.self) {
      (kind, nameToken, inheritance, members, modifiers, attributes) = (
        .structType, node.name, node.inheritanceClause, node.memberBlock, node.modifiers,
        node.attributes
      )
      generics = node.genericParameterClause
      nameNode = Syntax(node.name)
    } else if let node = decl.as(ClassDeclSyntax.self) {
      (kind, nameToken, inheritance, members, modifiers, attributes) = (
        .classType, node.name, node.inheritanceClause, node.memberBlock, node.modifiers,
        node.attributes
      )
      generics = node.genericParameterClause
      nameNode = Syntax(node.name)
    } else if let node = decl.as(EnumDeclSyntax.self) {
      (kind, nameToken, inheritance, members, modifiers, attributes) = (
        .enumType, node.name, node.inheritanceClause, node.memberBlock, node.modifiers,
        node.attributes
      )
      generics = node.genericParameterClause
      nameNode = Syntax(node.name)
    } else if let node = decl.as(ProtocolDeclSyntax.self) {
      (kind, nameToken, inheritance, members, modifiers, attributes) = (
        .protocolType, node.name, node.inheritanceClause, node.memberBlock, node.modifiers,
        node.attributes
      )
      nameNode = Syntax(node.name)
    } else if let node = decl.as(ExtensionDeclSyntax.self) {
      guard let extended = node.extendedType.as(IdentifierTypeSyntax.self) else {
        throw unsupported("extension of this type", at: node.extendedType)
      }
      (kind, nameToken, inheritance, members, modifiers, attributes) = (
        .extensionType, extended.name, node.inheritanceClause, node.memberBlock, node.modifiers,
        node.attributes
      )
      nameNode = Syntax(node.extendedType)
    } else {
      return nil
    }
    let typeName = nameToken.identifier?.name ?? nameToken.text
    if let generics { declaredGenericTypes[typeName] = genericNames(generics) }
    let extended = kind == .extensionType ? extendedGenericNames(typeName) : []
    let whereClause = decl.asProtocol(DeclGroupSyntax.self)?.genericWhereClause
    return try withGenerics(extended, generics, whereClause) {
      try finishType(decl, kind, nameToken, nameNode, inheritance, members, modifiers, attributes)
    }
  }

  private func finishType(
    _ decl: DeclSyntax, _ kind: TypeDecl.Kind, _ nameToken: TokenSyntax, _ nameNode: Syntax,
    _ inheritance: InheritanceClauseSyntax?, _ members: MemberBlockSyntax,
    _ modifiers: DeclModifierListSyntax, _ attributes: AttributeListSyntax
  ) throws -> Stmt {
    if let attribute = attributes.first {
      throw unsupported(attribute.trimmedDescription, at: attribute)
    }
    var isFinal = false
    for modifier in modifiers {
      guard Self.memberModifiers.contains(modifier.name.text) else {
        throw unsupported(modifier.name.text, at: modifier.name)
      }
      if modifier.name.text == "final" { isFinal = true }
    }
    let inherited = try (inheritance?.inheritedTypes ?? []).map {
      element -> (name: String, span: Span) in
      (try inheritedName(element.type), span(element.type))
    }
    var collected = Members()
    for item in members.members {
      do {
        try nested(item) { try lowerMember(item.decl, kind: kind, into: &collected) }
      } catch is Recover {
        continue
      }
    }
    let whole = span(decl)
    let lowered = TypeDecl(
      kind: kind, name: nameToken.identifier?.name ?? nameToken.text, nameSpan: span(nameNode),
      inherited: inherited, properties: collected.properties, methods: collected.methods,
      cases: collected.cases, isFinal: isFinal, span: whole, file: file)
    if kind == .extensionType {
      lowered.receiverConstraints = receiverConstraints(of: lowered.name)
    }
    return Stmt(.typeDecl(lowered), whole)
  }

  /// The members gathered from a type's body.
  struct Members {
    var properties: [PropertyDecl] = []
    var methods: [MethodDecl] = []
    var cases: [EnumCaseDecl] = []
  }

  /// `Equatable`, `Shape`, `any P` (a protocol composition is unsupported).
  private func inheritedName(_ type: TypeSyntax) throws -> String {
    if let node = type.as(IdentifierTypeSyntax.self) {
      return node.name.text  // `Sequence<Int>`: the type arguments are erased
    }
    throw unsupported("this inheritance", at: type)
  }

  private func lowerMember(_ decl: DeclSyntax, kind: TypeDecl.Kind, into members: inout Members)
    throws
  {
    let isProtocol = kind == .protocolType
    if let node = decl.as(VariableDeclSyntax.self) {
      members.properties += try lowerProperties(node, requirement: isProtocol)
    } else if let node = decl.as(FunctionDeclSyntax.self) {
      let flags = try memberFlags(node.attributes, node.modifiers)
      let name = node.name.identifier?.name ?? node.name.text
      var function = try functionDecl(node, name: name, requirement: isProtocol)
      if node.name.identifier == nil {  // an operator: its arguments have no labels
        function = FunctionDecl(
          name: name,
          parameters: function.parameters.map {
            var unlabelled = $0
            unlabelled.label = nil
            return unlabelled
          },
          returnType: function.returnType, body: function.body, span: function.span, file: file)
      }
      members.methods.append(
        MethodDecl(
          function: function, isStatic: flags.isStatic, isMutating: flags.isMutating,
          isOverride: flags.isOverride, isRequirement: isProtocol && node.body == nil))
    } else if let node = decl.as(InitializerDeclSyntax.self) {
      members.methods.append(try lowerInit(node, requirement: isProtocol))
    } else if let node = decl.as(DeinitializerDeclSyntax.self) {
      // accepted; a cell never frees an object visibly
      _ = try node.body.map { try lowerBlock($0) }
    } else if let node = decl.as(EnumCaseDeclSyntax.self) {
      guard kind == .enumType else { throw unsupported("case", at: node.caseKeyword) }
      _ = try memberFlags(node.attributes, node.modifiers)
      for element in node.elements {
        let associated = try element.parameterClause.map { clause in
          try clause.parameters.map { parameter -> (label: String?, type: TypeRef) in
            let label = parameter.firstName.flatMap {
              $0.tokenKind == .wildcard ? nil : ($0.identifier?.name ?? $0.text)
            }
            return (label, try lowerType(parameter.type))
          }
        }
        let raw = try element.rawValue.map { try lowerExpr($0.value) }
        members.cases.append(
          EnumCaseDecl(
            name: element.name.identifier?.name ?? element.name.text, span: span(element.name),
            associated: associated, rawValue: raw))
      }
    } else if decl.is(StructDeclSyntax.self) || decl.is(ClassDeclSyntax.self)
      || decl.is(EnumDeclSyntax.self)
    {
      guard let first = decl.firstToken(viewMode: .sourceAccurate) else { throw Recover() }
      throw unsupported("nested types", at: first)
    } else if let node = decl.as(SubscriptDeclSyntax.self) {
      throw unsupported("subscript", at: node.subscriptKeyword)
    } else {
      _ = try lowerDeclaration(decl)  // names the construct (typealias, actor, …)
      throw Recover()
    }
  }

  private struct Flags {
    var isStatic = false
    var isMutating = false
    var isOverride = false
  }

  private func memberFlags(_ attributes: AttributeListSyntax, _ modifiers: DeclModifierListSyntax)
    throws -> Flags
  {
    for attribute in attributes {
      guard attribute.trimmedDescription == "@discardableResult" else {
        throw unsupported(attribute.trimmedDescription, at: attribute)
      }
    }
    var flags = Flags()
    for modifier in modifiers {
      let text = modifier.name.text
      guard Self.memberModifiers.contains(text) else { throw unsupported(text, at: modifier.name) }
      if text == "static" || text == "class" { flags.isStatic = true }
      if text == "mutating" { flags.isMutating = true }
      if text == "override" { flags.isOverride = true }
    }
    return flags
  }

  private func lowerInit(_ node: InitializerDeclSyntax, requirement: Bool) throws -> MethodDecl {
    let flags = try memberFlags(node.attributes, node.modifiers)
    if let keyword = node.signature.effectSpecifiers?.asyncSpecifier {
      throw unsupported(keyword.text, at: keyword)
    }
    let (parameters, body) = try withGenerics(
      [], node.genericParameterClause, node.genericWhereClause
    ) {
      (
        try node.signature.parameterClause.parameters.map { try lowerParameter($0) },
        try node.body.map { try lowerBlock($0) }
      )
    }
    if body == nil && !requirement {
      throw fail(
        .expected("{", "to start the initializer body"), Span(span(node).end, span(node).end))
    }
    let function = FunctionDecl(
      name: "init", parameters: parameters, returnType: nil, body: body ?? [],
      span: span(node.initKeyword), file: file)
    return MethodDecl(
      function: function, isStatic: false, isMutating: true, isOverride: flags.isOverride,
      isFailable: node.optionalMark?.text == "?", isRequirement: body == nil)
  }
}
