@_spi(Compiler) internal import SwiftParser
internal import SwiftSyntax

/// Collection types written as Swift writes them: `[Int]()`, `[String: Int]()`,
/// `[[Double]](repeating: …, count: 2)`, `Set<Int>()`, `Array<Double>()`, and the annotations
/// `Set<Int>`, `Array<T>`, `Dictionary<K, V>`, `Optional<T>` (the type arguments of a Set are
/// not checked: values are dynamically typed).
extension Lowering {
  /// The callee of a call of a collection type; nil when the callee is anything else.
  ///
  /// `[T]` stays an array expression (the interpreter converts the elements to `T`),
  /// `[K: V]` and `Dictionary<K, V>` become `Dictionary`, `Set<T>` becomes `Set`.
  func lowerTypeCallee(_ callee: ExprSyntax) throws -> Expr? {
    if let dictionary = callee.as(DictionaryExprSyntax.self),
      case .elements(let elements) = dictionary.content,
      elements.count == 1, typeExpr(elements.first!.key)
    {
      return Expr(.identifier("Dictionary"), span(dictionary))
    }
    guard let generic = callee.as(GenericSpecializationExprSyntax.self),
      let base = generic.expression.as(DeclReferenceExprSyntax.self)
    else { return nil }
    let arguments = generic.genericArgumentClause.arguments
    switch (base.baseName.text, arguments.count) {
    case ("Set", 1), ("Dictionary", 2):
      return Expr(.identifier(base.baseName.text), span(base))
    case ("Array", 1):
      guard let element = arguments.first?.argument.as(TypeSyntax.self),
        let elementExpr = try typeValue(element)
      else {
        return Expr(.identifier("Array"), span(base))
      }
      return Expr(.array([elementExpr]), span(generic))
    default:
      return nil
    }
  }

  /// Whether an expression is a type name (`Int`, `String`) as in `[String: Int]()`.
  private func typeExpr(_ expr: ExprSyntax) -> Bool {
    if let reference = expr.as(DeclReferenceExprSyntax.self) {
      return reference.baseName.text.first?.isUppercase ?? false
    }
    if let array = expr.as(ArrayExprSyntax.self) {
      return array.elements.count == 1 && typeExpr(array.elements.first!.expression)
    }
    return expr.is(DictionaryExprSyntax.self)
  }

  /// `Double` as the expression `Double`, `[Int]` as `[Int]`; nil for other types.
  private func typeValue(_ type: TypeSyntax) throws -> Expr? {
    if let name = type.as(IdentifierTypeSyntax.self), name.genericArgumentClause == nil {
      return Expr(.identifier(name.name.text), span(name))
    }
    if let array = type.as(ArrayTypeSyntax.self), let element = try typeValue(array.element) {
      return Expr(.array([element]), span(array))
    }
    return nil
  }

  /// `Set<Int>`, `Array<Double>`, `Dictionary<String, Int>`, `Optional<Int>` as annotations; a
  /// user's generic type erased (`Stack<Int>` is `Stack`).
  func lowerGenericType(_ name: String, _ generics: GenericArgumentClauseSyntax) throws -> TypeRef {
    let types = try generics.arguments.map { argument -> TypeRef in
      guard let type = argument.argument.as(TypeSyntax.self) else {
        throw unsupported("generics", at: generics.leftAngle)
      }
      return try lowerType(type)
    }
    switch (name, types.count) {
    case ("Set", 1): return .named("Set")
    case ("Array", 1): return .array(types[0])
    case ("Dictionary", 2): return .dictionary(types[0], types[1])
    case ("Optional", 1): return .optional(types[0])
    default: return .named(name)
    }
  }
}
