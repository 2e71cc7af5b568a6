/// Reading and assigning a struct's stored property through a variable (`self.x`, `p.x`; `x`
/// inside a method is `self.x`) without the general member and accessor paths: the field's index
/// is cached on the node per type, and an assignment updates the field in place. Anything else
/// (a class, a computed property, observers, a `let`, a string `+=`) returns nil and takes the
/// general path, which reports the errors.
extension Interpreter {
  /// `variable.name` when the variable holds a struct with that stored property; nil otherwise.
  @inline(__always)
  func storedField(_ base: Expr, _ name: String, _ node: Expr, in scope: Scope) throws -> Value? {
    let box = try lookup(base, in: scope)
    guard case .instance(let instance) = box.value,
      let index = fieldIndex(instance.type, name, node)
    else { return nil }
    return instance.fields[index]
  }

  /// `variable.name = value` or `variable.name op= value` (arithmetic) on a struct held by a
  /// `var` (or `self` in a mutating method): done in place; nil when the general path must take it.
  func assignStoredField(
    _ target: Expr, _ op: String, _ code: Opcode?, _ value: Value, _ span: Span,
    in scope: Scope
  ) throws -> Void? {
    guard case .member(let base, let name, _) = target.kind, case .identifier = base.kind else {
      return nil
    }
    guard op == "=" || code?.isArithmetic == true else { return nil }
    let box = try lookup(base, in: scope)
    guard !box.isLet, !box.isInitializing, case .instance(var instance) = box.value,
      let index = fieldIndex(instance.type, name, target)
    else { return nil }
    let property = instance.type.stored[index]
    guard !property.isLet, instance.type.nearest({ $0.observers[name] }) == nil else { return nil }
    var new = value
    if op != "=" {
      guard let code, let result = Self.arithmetic(code, instance.fields[index], value) else {
        return nil
      }
      new = result
    }
    if let declared = property.type {
      guard let checked = conform(new, to: declared) else {
        throw error(.typeAnnotationMismatch(declared.description, new.typeName), span)
      }
      new = checked
    }
    box.value = .void  // the fields array is now referenced once: updated in place
    instance.fields[index] = new
    box.value = .instance(instance)
    return ()
  }

  /// Int or Double arithmetic of a compound assignment; nil for other operands or an overflow
  /// (the general path reports it).
  private static func arithmetic(_ code: Opcode, _ current: Value, _ value: Value) -> Value? {
    switch (current, value) {
    case (.int(let a), .int(let b)): return code.apply(a, b)
    case (.double(let a), .double(let b)): return code.apply(a, b)
    case (.double(let a), .int(let b)): return code.apply(a, Double(b))
    default: return nil
    }
  }

  /// The stored property's index in `type`, cached on `node` for the last type seen there.
  @inline(__always)
  private func fieldIndex(_ type: UserType, _ name: String, _ node: Expr) -> Int? {
    if node.cachedFieldDefinition == type.definition { return node.cachedFieldIndex }
    guard let index = type.fieldIndex[name] else { return nil }
    node.cachedFieldDefinition = type.definition
    node.cachedFieldIndex = index
    return index
  }
}
