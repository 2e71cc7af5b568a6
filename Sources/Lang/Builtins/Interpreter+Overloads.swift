/// Natives with several signatures (`String(_:)`, `String(format:_:)`, `String(repeating:count:)`)
/// and calls of an array type (`[Double](repeating: 0, count: 3)`, `[[Int]]()`).
extension Interpreter {
  /// The overload of `native` whose labels bind `arguments`, with its bound values.
  ///
  /// A native without overloads binds as before (its own error on a wrong label); with overloads,
  /// a call no signature takes names them all.
  func bindOverload(_ native: NativeFunction, _ arguments: ArgumentList, _ span: Span) throws -> (
    NativeFunction, [Value]
  ) {
    var failure: Error?
    if native.overloads.isEmpty {  // the usual case: no array of candidates, no failure to keep
      return (
        native,
        try bindArguments(
          native.parameters.map(BindingParameter.init), arguments, native.name, span,
          signature: native.signature)
      )
    }
    for candidate in [native] + native.overloads {
      do {
        let values = try bindArguments(
          candidate.parameters.map(BindingParameter.init), arguments, candidate.name, span,
          signature: candidate.signature)
        return (candidate, values)
      } catch {
        failure = failure ?? error
      }
    }
    if native.overloads.isEmpty, let failure { throw failure }
    let labels = arguments.map {
      ($0.label == Self.trailingLabel ? "{ … }" : $0.label ?? "_") + ":"
    }.joined()
    throw self.error(
      .noMatchingOverload(
        "\(native.name)(\(labels))", ([native] + native.overloads).map(\.signature)), span)
  }

  /// `[T](…)`: `Array(…)`, its elements converted to `T` as a `let x: [T]` annotation would.
  func callArrayType(_ element: Value, _ arguments: ArgumentList, _ span: Span) throws -> Value {
    guard let type = Self.typeRef(element), let array = builtins.lookup("Array")?.value else {
      throw error(.notCallable(Value.array([element]).typeName), span)
    }
    let result = try callValue(array, arguments, span)
    guard let converted = conform(result, to: .array(type)) else {
      throw error(.typeAnnotationMismatch("[\(type)]", result.typeName), span)
    }
    return converted
  }

  /// The type a type expression's value names: `Double` → Double, `[Int]` → [Int].
  static func typeRef(_ value: Value) -> TypeRef? {
    switch value {
    case .native(let native) where native.isType: return .named(native.name)
    case .array(let elements) where elements.count == 1:
      return typeRef(elements[0]).map(TypeRef.array)
    default: return nil
    }
  }
}
