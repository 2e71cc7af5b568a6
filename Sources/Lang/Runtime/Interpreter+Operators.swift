/// Arithmetic, comparison and equality; Int and Double mix (the Int converts), Int arithmetic is
/// checked for overflow, host objects get the operator through `binaryOperator`.
extension Interpreter {
  /// Largest array a `+` may build (elements).
  static let maximumArrayLength = 10_000_000
  /// Largest string `+` or interpolation may build (UTF-8 bytes).
  static let maximumStringLength = 100_000_000

  func prefix(_ op: String, _ value: Value, _ span: Span) throws -> Value {
    switch (op, value) {
    case ("-", .int(let number)):
      guard number != Int.min else { throw error(.arithmeticOverflow("-"), span) }
      return .int(-number)
    case ("-", .double(let number)): return .double(-number)
    case ("+", .int), ("+", .double): return value
    case ("!", .bool(let flag)): return .bool(!flag)
    case ("~", .int(let number)): return .int(~number)
    case ("-", .host(let object)):
      if let result = try host(span, { try object.negated() }) { return result }
    default: break
    }
    throw error(.unaryOperatorType(op, value.typeName), span)
  }

  func binary(_ op: String, _ lhs: Value, _ rhs: Value, _ span: Span) throws -> Value {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return try integer(op, a, b, span)
    case (.double(let a), .double(let b)): return try real(op, a, b, span)
    case (.int(let a), .double(let b)): return try real(op, Double(a), b, span)
    case (.double(let a), .int(let b)): return try real(op, a, Double(b), span)
    case (.host(let object), _):
      if let symbol = BinaryOperator(rawValue: op),
        let result = try host(
          span, { try object.binaryOperator(symbol, other: rhs, selfOnLeft: true) })
      {
        return result
      }
    case (_, .host(let object)):
      if let symbol = BinaryOperator(rawValue: op),
        let result = try host(
          span, { try object.binaryOperator(symbol, other: lhs, selfOnLeft: false) })
      {
        return result
      }
    case (.string(let a), .string(let b)):
      if op == "+" {
        guard a.utf8.count + b.utf8.count <= Self.maximumStringLength else {
          throw error(.tooLarge("string"), span)
        }
        try reserveString(a.utf8.count + b.utf8.count, span)
        return .string(a + b)
      }
      if let result = compare(op, a, b) { return .bool(result) }
    case (.instance, _), (_, .instance), (.object, _), (_, .object), (.type, _):
      if let result = try userOperator(op, lhs, rhs, span) { return result }
    case (.array(let a), .array(let b)) where op == "+":
      guard a.count + b.count <= Self.maximumArrayLength else {
        throw error(.tooLarge("array"), span)
      }
      try reserve("array", count: a.count + b.count, stride: MemoryLayout<Value>.stride, span)
      return .array(a + b)
    case (.tuple(let a), .tuple(let b)) where a.count == b.count && Self.orderings.contains(op):
      return try compareTuples(op, a, b, span)
    default: break
    }
    if op == "==" { return .bool(equal(lhs, rhs)) }
    if op == "!=" { return .bool(!equal(lhs, rhs)) }
    throw error(.operatorTypes(op, lhs.typeName, rhs.typeName), span)
  }

  static let orderings: Set<String> = ["<", "<=", ">", ">="]

  /// Swift's tuple comparison: by the first parts that differ, each pair compared with `<`/`>`;
  /// equal tuples are `<=` and `>=`.
  private func compareTuples(_ op: String, _ a: [Value], _ b: [Value], _ span: Span) throws
    -> Value
  {
    guard let first = a.indices.first(where: { !equal(a[$0], b[$0]) }) else {
      return .bool(op == "<=" || op == ">=")
    }
    return try binary(String(op.prefix(1)), a[first], b[first], span)
  }

  private func integer(_ op: String, _ a: Int, _ b: Int, _ span: Span) throws -> Value {
    let result: (partialValue: Int, overflow: Bool)
    switch op {
    case "+": result = a.addingReportingOverflow(b)
    case "-": result = a.subtractingReportingOverflow(b)
    case "*": result = a.multipliedReportingOverflow(by: b)
    case "/", "%":
      guard b != 0 else { throw error(.divisionByZero(), span) }
      result =
        op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
    case "&+", "&-", "&*", "&", "|", "^", "<<", ">>":
      return .int(bitwise(op, a, b))
    default:
      guard let flag = compare(op, a, b) else {
        throw error(.operatorTypes(op, "Int", "Int"), span)
      }
      return .bool(flag)
    }
    if result.overflow { throw error(.arithmeticOverflow(op), span) }
    return .int(result.partialValue)
  }

  /// Wrapping arithmetic (`&+ &- &*`, no overflow error, as in Swift) and bit operations; shifts
  /// past the width give 0 (or -1 for a negative `>>`), as Swift's smart shifts do.
  private func bitwise(_ op: String, _ a: Int, _ b: Int) -> Int {
    switch op {
    case "&+": return a &+ b
    case "&-": return a &- b
    case "&*": return a &* b
    case "&": return a & b
    case "|": return a | b
    case "^": return a ^ b
    case "<<": return a << b
    default: return a >> b
    }
  }

  private func real(_ op: String, _ a: Double, _ b: Double, _ span: Span) throws -> Value {
    switch op {
    case "+": return .double(a + b)
    case "-": return .double(a - b)
    case "*": return .double(a * b)
    case "/": return .double(a / b)
    case "%": return .double(a.truncatingRemainder(dividingBy: b))
    default:
      guard let flag = compare(op, a, b) else {
        throw error(.operatorTypes(op, "Double", "Double"), span)
      }
      return .bool(flag)
    }
  }

  private func compare<T: Comparable>(_ op: String, _ a: T, _ b: T) -> Bool? {
    switch op {
    case "==": return a == b
    case "!=": return a != b
    case "<": return a < b
    case "<=": return a <= b
    case ">": return a > b
    case ">=": return a >= b
    default: return nil
    }
  }

  /// Structural equality; host objects compare by identity.
  func equal(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.void, .void), (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double, _), (_, .double):
      return lhs.doubleValue.flatMap { a in rhs.doubleValue.map { a == $0 } } ?? false
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)), (.tuple(let a), .tuple(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    case (.dictionary(let a), .dictionary(let b)):
      return a.count == b.count
        && a.entries.allSatisfy { entry in b[entry.key].map { equal($0, entry.value) } ?? false }
    case (.range(let a), .range(let b)): return a == b
    case (.implicitMember(let a), .implicitMember(let b)): return a == b
    case (.host(let a), .host(let b)): return a === b
    case (.native(let a), .native(let b)): return a === b
    case (.closure(let a), .closure(let b)): return a === b
    case (.instance, _), (.object, _), (.type, _), (_, .instance): return equalInstances(lhs, rhs)
    default: return false
    }
  }

  /// The value converted to a declared type (Int becomes Double where Double is expected), or nil.
  func conform(_ value: Value, to type: TypeRef) -> Value? {
    switch type {
    case .optional(let wrapped):
      return value.isNil ? value : conform(value, to: wrapped)
    case .array(let element):
      guard case .array(let elements) = value else { return nil }
      let converted = elements.compactMap { conform($0, to: element) }
      return converted.count == elements.count ? .array(converted) : nil
    case .dictionary(let keyType, let valueType):
      guard case .dictionary(let dictionary) = value else { return nil }
      var result = DictionaryValue()
      for entry in dictionary.entries {
        guard let key = conform(entry.key, to: keyType),
          let item = conform(entry.value, to: valueType)
        else { return nil }
        result.set(key, item)
      }
      return .dictionary(result)
    case .tuple(let types):
      guard case .tuple(let elements) = value, elements.count == types.count else { return nil }
      let converted = zip(elements, types).compactMap { conform($0, to: $1) }
      return converted.count == types.count ? .tuple(converted) : nil
    case .function:
      switch value {
      case .closure, .native: return value
      default: return nil
      }
    case .named(let name):
      return conform(value, toNamed: name)
    }
  }

  private func conform(_ value: Value, toNamed name: String) -> Value? {
    switch value {  // the usual annotations first, without the string comparisons below
    case .int where name == "Int", .double where name == "Double", .string where name == "String",
      .bool where name == "Bool":
      return value
    default: break
    }
    if name.contains(" & ") {  // a generic parameter's composed constraints
      return name.components(separatedBy: " & ").allSatisfy { conform(value, toNamed: $0) != nil }
        ? value : nil
    }
    if let satisfied = StandardProtocols.satisfies(value, name) { return satisfied ? value : nil }
    switch (name, value) {
    case ("Any", _), ("AnyObject", .host): return value
    case ("Int", .int), ("Bool", .bool), ("String", .string), ("Void", .void): return value
    case ("Double", .double), ("Float", .double): return value
    case ("Double", .int(let number)), ("Float", .int(let number)): return .double(Double(number))
    case ("Character", .string(let text)) where text.count == 1: return value
    case ("Set", _): return SetObject.converting(value)
    case (_, .host(let object)): return object.isInstance(of: name) ? value : nil
    case (_, .instance(let instance)): return instance.type.satisfies(name) ? value : nil
    case (_, .object(let object)): return object.type.satisfies(name) ? value : nil
    case (_, .implicitMember(let member)): return implicitMember(member, as: name)
    default: return value.typeName == name || value.typeName.hasPrefix(name + "<") ? value : nil
    }
  }
}
