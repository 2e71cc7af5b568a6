internal import SwiftSyntax

/// Properties of user types: `var x = 0`, `let name: String`, `static let zero = …`, computed
/// (`var area: Double { w * h }`, `get { } set { }`) and observed (`willSet`, `didSet`).
extension Lowering {
  func lowerProperties(_ node: VariableDeclSyntax, requirement: Bool) throws -> [PropertyDecl] {
    var isStatic = false
    for attribute in node.attributes {
      throw unsupported(attribute.trimmedDescription, at: attribute)
    }
    for modifier in node.modifiers {
      let text = modifier.name.text
      guard Self.memberModifiers.contains(text) else { throw unsupported(text, at: modifier.name) }
      if text == "static" || text == "class" { isStatic = true }
    }
    let isLet = node.bindingSpecifier.tokenKind == .keyword(.let)
    return try node.bindings.map { binding in
      guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
        throw unsupported("this pattern", at: binding.pattern)
      }
      let name = pattern.identifier.identifier?.name ?? pattern.identifier.text
      let type = try binding.typeAnnotation.map { try lowerType($0.type) }
      let initial = try binding.initializer.map { try lowerExpr($0.value) }
      var property = PropertyParts()
      if let block = binding.accessorBlock {
        property = try lowerAccessors(block, requirement: requirement)
      }
      if !requirement, property.getter == nil, initial == nil, type == nil {
        throw fail(.bindingNeedsValue(), span(binding))
      }
      return PropertyDecl(
        name: name, span: span(pattern), isLet: isLet, isStatic: isStatic, type: type,
        initial: initial, getter: requirement ? nil : property.getter, setter: property.setter,
        willSet: property.willSet, didSet: property.didSet)
    }
  }

  private struct PropertyParts {
    var getter: [Stmt]?
    var setter: PropertyDecl.Accessor?
    var willSet: PropertyDecl.Accessor?
    var didSet: PropertyDecl.Accessor?
  }

  private func lowerAccessors(_ block: AccessorBlockSyntax, requirement: Bool) throws
    -> PropertyParts
  {
    var parts = PropertyParts()
    switch block.accessors {
    case .getter(let items):
      parts.getter = try nested(items) { lowerItems(items) }
    case .accessors(let list):
      for accessor in list {
        let keyword = accessor.accessorSpecifier
        let body = try accessor.body.map { try lowerBlock($0) }
        let parameter = accessor.parameters.map { $0.name.identifier?.name ?? $0.name.text }
        switch keyword.text {
        case "get": parts.getter = body ?? []
        case "set": parts.setter = .init(parameter: parameter ?? "newValue", body: body ?? [])
        case "willSet": parts.willSet = .init(parameter: parameter ?? "newValue", body: body ?? [])
        case "didSet": parts.didSet = .init(parameter: parameter ?? "oldValue", body: body ?? [])
        default: throw unsupported(keyword.text, at: keyword)
        }
        if body == nil && !requirement {
          throw fail(.expected("{", "after '\(keyword.text)'"), span(keyword))
        }
      }
    }
    return parts
  }
}
