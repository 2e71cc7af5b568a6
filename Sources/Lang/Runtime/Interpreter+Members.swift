/// Member access and methods: host objects, static members of natives (`Double.pi`), and the
/// members of built-in types (see `BuiltinMembers`).
extension Interpreter {
  func member(of value: Value, _ name: String, _ span: Span) throws -> Value {
    switch value {
    case .host(let object):
      if let result = try host(span, { try object.member(named: name) }) { return result }
      throw error(
        .noMember(
          object.typeName, name,
          suggestion: suggestion(for: name, among: object.members.map(\.name))), span)
    case .instance, .object, .type:
      if let result = try userMember(value, name, span) { return result }
      if let standIn = try hostStandIn(for: value, offering: name, span) {
        return try member(of: .host(standIn), name, span)
      }
      throw error(
        .noMember(
          value.typeName, name,
          suggestion: suggestion(
            for: name, among: userMemberNames(value) + hostStandInMemberNames(value))), span)
    case .native(let native):
      if let result = native.staticMembers[name] { return result }
      throw error(
        .noMember(
          value.typeName, name,
          suggestion: suggestion(for: name, among: Array(native.staticMembers.keys))), span)
    default:
      if let result = try BuiltinMembers.property(value, name, self, span) { return result }
      if !builtinExtensions.isEmpty, let result = try userMember(value, name, span) {
        return result
      }
      throw error(
        .noMember(
          value.typeName, name,
          suggestion: suggestion(for: name, among: BuiltinMembers.names(for: value))), span)
    }
  }

  func callMethod(
    _ receiver: Value, _ name: String, _ arguments: ArgumentList, _ nameSpan: Span, _ span: Span
  ) throws -> Value {
    if receiver.isSetObject,
      let result = try BuiltinMembers.method(receiver, name, arguments, self, span)
    {
      return result
    }
    switch receiver {
    case .host(let object):
      let plain = arguments.map {
        (label: $0.label == Self.trailingLabel ? nil : $0.label, value: $0.value)
      }
      if let result = try host(
        span, { try object.callMethod(name, arguments: plain, context: context) })
      {
        return result
      }
      return try callValue(try member(of: receiver, name, nameSpan), arguments, span)
    case .instance, .object, .type:
      if let result = try callUserMethod(receiver, name, arguments, span) { return result }
      if let standIn = try hostStandIn(for: receiver, offering: name, span) {
        return try callMethod(.host(standIn), name, arguments, nameSpan, span)
      }
      return try callValue(try member(of: receiver, name, nameSpan), arguments, span)
    case .native, .closure, .implicitMember:
      return try callValue(try member(of: receiver, name, nameSpan), arguments, span)
    default:
      if let result = try BuiltinMembers.method(receiver, name, arguments, self, span) {
        return result
      }
      if !builtinExtensions.isEmpty,
        let result = try callUserMethod(receiver, name, arguments, span)
      {
        return result
      }
      if let property = try BuiltinMembers.property(receiver, name, self, span) {
        return try callValue(property, arguments, span)
      }
      throw error(
        .noMember(
          receiver.typeName, name,
          suggestion: suggestion(for: name, among: BuiltinMembers.names(for: receiver))), nameSpan)
    }
  }

  // MARK: - Subscripts

  func subscriptGet(_ value: Value, _ indices: [Value], _ label: String?, _ span: Span) throws
    -> Value
  {
    switch value {
    case .array(let elements):
      return try element(of: elements, indices, span) { .array($0) }
    case .string(let text):
      let characters = text.map { Value.string(String($0)) }
      return try element(of: characters, indices, span) { .string($0.map(\.description).joined()) }
    case .dictionary(let dictionary):
      guard indices.count == 1 || (indices.count == 2 && label == nil) else {
        throw error(.notSubscriptable(value.typeName), span)
      }
      return dictionary[indices[0]] ?? (indices.count == 2 ? indices[1] : .null)
    case .tuple(let elements):
      guard indices.count == 1, let position = indices[0].intValue else {
        throw error(.notSubscriptable(value.typeName), span)
      }
      return try tupleElement(.tuple(elements), position, span)
    case .range:
      guard let elements = value.arrayValue else {
        throw error(.notSubscriptable(value.typeName), span)
      }
      return try element(of: elements, indices, span) { .array($0) }
    case .host(let object):
      if let result = try host(span, { try object.subscriptGet(indices) }) { return result }
      throw error(.notSubscriptable(object.typeName), span)
    default:
      throw error(.notSubscriptable(value.typeName), span)
    }
  }

  /// `a[i]` or a slice `a[range]`.
  private func element(
    of elements: [Value], _ indices: [Value], _ span: Span, slice: ([Value]) -> Value
  ) throws -> Value {
    guard indices.count == 1 else {
      throw error(.wrongType("a subscript", expected: "one index", got: "\(indices.count)"), span)
    }
    switch indices[0] {
    case .int(let position):
      guard elements.indices.contains(position) else {
        throw error(.indexOutOfRange(position, count: elements.count), span)
      }
      return elements[position]
    case .range(let range):
      let (low, high) = range.bounds(count: elements.count)
      guard low >= 0, high <= elements.count, low <= high else {
        throw error(
          .indexOutOfRange(low < 0 || low > elements.count ? low : high, count: elements.count),
          span)
      }
      return slice(Array(elements[low..<high]))
    default:
      throw error(
        .wrongType("a subscript", expected: "Int or a range", got: indices[0].typeName), span)
    }
  }
}
