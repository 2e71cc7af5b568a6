internal import SwiftSyntax

/// Generic parameters, erased as Stride's values are dynamically typed: inside the declaration
/// that introduces it, `T` stands for what its constraints require — `T: Comparable` (or `where
/// T: Comparable`) is checked as the annotation `Comparable` wherever a value is bound to a `T`,
/// `T: Comparable & Hashable` checks both, `where T == Int` is `Int`, and an unconstrained `T` is
/// `Any`. `Stack<Int>` in a type or an expression is `Stack`. Requirements on associated types
/// (`where T.Element: Equatable`) are accepted and not checked.
extension Lowering {
  /// One generic parameter in scope.
  struct GenericParameter {
    var constraints: [String] = []
    var sameType: TypeRef?

    /// The annotation a `T` is checked against.
    var erased: TypeRef {
      if let sameType { return sameType }
      return .named(constraints.isEmpty ? "Any" : constraints.joined(separator: " & "))
    }
  }

  /// The generic parameters of the standard library's generic types, for their extensions.
  static let standardGenericParameters: [String: [String]] = [
    "Array": ["Element"], "Set": ["Element"], "Dictionary": ["Key", "Value"],
    "Optional": ["Wrapped"],
  ]

  /// `T` erased, if a generic parameter of that name is in scope (innermost first).
  func erasedGeneric(_ name: String) -> TypeRef? {
    genericScopes.reversed().lazy.compactMap { $0[name]?.erased }.first
  }

  /// Runs `body` with `names` and the parameters of `clause` in scope, constrained by their
  /// inheritance and by `whereClause`.
  func withGenerics<T>(
    _ names: [String], _ clause: GenericParameterClauseSyntax?,
    _ whereClause: GenericWhereClauseSyntax?, _ body: () throws -> T
  ) throws -> T {
    var scope: [String: GenericParameter] = [:]
    for name in names { scope[name] = GenericParameter() }
    for parameter in clause?.parameters ?? [] {
      if let specifier = parameter.specifier {  // `each T`, `let N: Int`
        throw unsupported(
          specifier.text == "let" ? "value generics" : "parameter packs", at: specifier)
      }
      scope[parameter.name.text] = GenericParameter(
        constraints: try parameter.inheritedType.map(constraintNames) ?? [])
    }
    for requirement in whereClause?.requirements ?? [] {
      try apply(requirement.requirement, to: &scope)
    }
    guard !scope.isEmpty else { return try body() }
    genericScopes.append(scope)
    defer { genericScopes.removeLast() }
    return try body()
  }

  /// `T: P`, `T: P & Q` and `T == U` on a parameter named by a plain identifier.
  private func apply(
    _ requirement: GenericRequirementSyntax.Requirement,
    to scope: inout [String: GenericParameter]
  ) throws {
    switch requirement {
    case .conformanceRequirement(let node):
      guard let name = node.leftType.as(IdentifierTypeSyntax.self)?.name.text else { return }
      scope[name, default: GenericParameter()].constraints += try constraintNames(node.rightType)
    case .sameTypeRequirement(let node):
      guard case .type(let left) = node.leftType,
        let name = left.as(IdentifierTypeSyntax.self)?.name.text,
        case .type(let right) = node.rightType
      else { return }
      scope[name, default: GenericParameter()].sameType = try lowerType(right)
    case .layoutRequirement:
      return
    }
  }

  /// `Comparable` → ["Comparable"]; `Comparable & Hashable` → both.
  private func constraintNames(_ type: TypeSyntax) throws -> [String] {
    if let composition = type.as(CompositionTypeSyntax.self) {
      return try composition.elements.flatMap { try constraintNames($0.type) }
    }
    if let identifier = type.as(IdentifierTypeSyntax.self) { return [identifier.name.text] }
    throw unsupported("this constraint", at: type)
  }

  /// The generic parameter names a type declared with them.
  func genericNames(_ clause: GenericParameterClauseSyntax) -> [String] {
    clause.parameters.map(\.name.text)
  }

  /// The constraints an extension of `name` puts on the type's own generic parameters (in scope
  /// while its members are lowered), in parameter order.
  func receiverConstraints(of name: String) -> [ReceiverConstraint] {
    guard let scope = genericScopes.last else { return [] }
    return extendedGenericNames(name).compactMap { parameter in
      guard let found = scope[parameter], found.sameType != nil || !found.constraints.isEmpty else {
        return nil
      }
      return ReceiverConstraint(
        parameter: parameter, type: found.erased, isSameType: found.sameType != nil)
    }
  }

  /// The generic parameters an extension of `name` sees: its declaration's, from this cell or an
  /// earlier one, or the standard library's.
  func extendedGenericNames(_ name: String) -> [String] {
    declaredGenericTypes[name] ?? knownGenericTypes[name] ?? Self.standardGenericParameters[name]
      ?? []
  }
}
