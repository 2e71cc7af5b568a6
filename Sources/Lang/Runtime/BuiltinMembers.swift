/// Properties and methods of the built-in types, looked up in the tables of `Builtins/`:
/// `StringMembers`, `ArrayMembers` (and `ArrayMutations`), `DictionaryMembers`, `SetMembers`,
/// `NumberMembers`.
///
/// A String, a range and a Set also answer the Array methods they lack, on their elements
/// (`"abc".map { … }`, `(0..<3).reduce(0, +)`, `set.sorted()`). A method name used as a value
/// (`s?.uppercased()`, `let f = s.uppercased`) is a native bound to its receiver.
enum BuiltinMembers {
  typealias Table = [String: [BuiltinMethod]]

  /// The type name and method table of a value; nil when it has none.
  static func table(for value: Value) -> (String, Table)? {
    switch value {
    case .string: return ("String", StringMembers.table)
    case .array, .range: return ("Array", ArrayMembers.table)
    case .dictionary: return ("Dictionary", DictionaryMembers.table)
    case .int: return ("Int", NumberMembers.int)
    case .double: return ("Double", NumberMembers.double)
    case .bool, .null: return ("Optional", NumberMembers.optional)
    case .host(let object) where object is SetObject: return ("Set", SetMembers.table)
    default: return nil
    }
  }

  /// The elements of a sequence: arrays, tuples, bounded ranges, a String's characters, a Set.
  static func elements(of value: Value) -> [Value]? {
    switch value {
    case .string(let text): return text.map { .string(String($0)) }
    case .host(let object): return (object as? SetObject)?.elements
    default: return value.arrayValue
    }
  }

  /// The member names completion offers for a value.
  static func names(for value: Value) -> [String] {
    switch value {
    case .host(let object) where !(object is SetObject): return object.members.map(\.name)
    case .native(let native): return Array(native.staticMembers.keys).sorted()
    default:
      guard let (_, table) = table(for: value) else { return propertyNames(of: value) }
      var names = Set(table.keys).union(propertyNames(of: value))
      if value.stringValue != nil || value.isSetObject {
        names.formUnion(ArrayMembers.table.keys.filter { !ArrayMutations.names.contains($0) })
      }
      return names.sorted()
    }
  }

  private static func propertyNames(of value: Value) -> [String] {
    switch value {
    case .string(let text):
      return ["count", "isEmpty", "first", "last", "description"]
        + (text.count == 1 ? StringMembers.characterPropertyNames : [])
    case .array: return ["count", "isEmpty", "first", "last", "indices", "description"]
    case .range:
      return ["count", "isEmpty", "first", "last", "indices", "lowerBound", "upperBound"]
    case .dictionary: return ["count", "isEmpty", "keys", "values", "first", "description"]
    case .int: return ["description", "magnitude"]
    case .double: return ["description", "isNaN", "isInfinite", "isFinite", "isZero", "magnitude"]
    case .host(let object) where object is SetObject: return ["count", "isEmpty", "first"]
    case .tuple(let elements) where elements.count == 2:
      return ["offset", "element", "key", "value"]
    default: return []
    }
  }

  static func property(_ value: Value, _ name: String, _ interpreter: Interpreter, _ span: Span)
    throws -> Value?
  {
    if let result = try plainProperty(value, name) { return result }
    return boundMethod(value, name, interpreter)
  }

  // size-budget: one line per property of each built-in type.
  private static func plainProperty(_ value: Value, _ name: String) throws -> Value? {
    switch (value, name) {
    case (.dictionary(let dictionary), "count"): return .int(dictionary.count)
    case (.dictionary(let dictionary), "isEmpty"): return .bool(dictionary.count == 0)
    case (.dictionary(let dictionary), "keys"): return .array(dictionary.entries.map(\.key))
    case (.dictionary(let dictionary), "values"): return .array(dictionary.entries.map(\.value))
    case (.dictionary(let dictionary), "first"):
      return dictionary.entries.first.map { .tuple([$0.key, $0.value]) } ?? .null
    case (.string(let text), "count"): return .int(text.count)
    case (.string(let text), "isEmpty"): return .bool(text.isEmpty)
    case (.string(let text), "first"): return text.first.map { .string(String($0)) } ?? .null
    case (.string(let text), "last"): return text.last.map { .string(String($0)) } ?? .null
    case (.string(let text), _)
    where text.count == 1 && StringMembers.characterPropertyNames.contains(name):
      return StringMembers.characterProperty(text, name)
    case (.range(let range), "lowerBound"): return range.lower.map(Value.int) ?? .null
    case (.range(let range), "upperBound"): return range.upper.map(Value.int) ?? .null
    case (_, "description") where !(value.isSetObject): return .string(value.description)
    case (.int(let number), "magnitude"):
      return number == Int.min ? .double(9.223372036854775808e18) : .int(abs(number))
    case (.double(let number), "magnitude"): return .double(abs(number))
    case (.double(let number), "isNaN"): return .bool(number.isNaN)
    case (.double(let number), "isInfinite"): return .bool(number.isInfinite)
    case (.double(let number), "isFinite"): return .bool(number.isFinite)
    case (.double(let number), "isZero"): return .bool(number == 0)
    case (.tuple(let pair), "offset"), (.tuple(let pair), "key"):
      return pair.count == 2 ? pair[0] : nil
    case (.tuple(let pair), "element"), (.tuple(let pair), "value"):
      return pair.count == 2 ? pair[1] : nil
    default: break
    }
    guard case .array(let elements) = value else {
      guard case .range = value, let elements = value.arrayValue else { return nil }
      return sequenceProperty(elements, name)
    }
    return sequenceProperty(elements, name)
  }

  private static func sequenceProperty(_ elements: [Value], _ name: String) -> Value? {
    switch name {
    case "count": return .int(elements.count)
    case "isEmpty": return .bool(elements.isEmpty)
    case "first": return elements.first ?? .null
    case "last": return elements.last ?? .null
    case "indices": return .range(RangeValue(lower: 0, upper: elements.count, isClosed: false))
    // Cells evaluate `.lazy.map { … }` at once: the same elements for closures without effects.
    case "lazy": return .array(elements)
    default: return nil
    }
  }

  /// A non-mutating method as a value: a native bound to `value`.
  private static func boundMethod(_ value: Value, _ name: String, _ interpreter: Interpreter)
    -> Value?
  {
    guard let lookup = lookup(value, name, mutating: false) else { return nil }
    let natives = lookup.methods.map { method in
      NativeFunction(
        name: "\(lookup.typeName).\(method.name)", parameters: method.parameters,
        returns: method.returns,
        doc: method.doc
      ) { arguments in
        var receiver = lookup.receiver
        let call = MethodCall(
          interpreter: interpreter, span: Span(0, 0), arguments: arguments,
          function: arguments.function)
        return try method.body(&receiver, call)
      }
    }
    let first = natives[0]
    first.overloads = Array(natives.dropFirst())
    return .native(first)
  }

  /// Overloads found for a name, and the receiver their bodies get.
  struct Lookup {
    let typeName: String
    let methods: [BuiltinMethod]
    /// The value itself, or (for the Array methods of a String, range or Set) its elements as an
    /// array; Void for a mutating lookup, whose body gets the variable's value in place.
    let receiver: Value
  }

  /// The overloads a value answers for `name`: its own table, then the Array table for sequences.
  static func lookup(_ value: Value, _ name: String, mutating: Bool) -> Lookup? {
    guard let (typeName, table) = table(for: value) else { return nil }
    if let own = table[name].map({
      $0.allSatisfy { $0.isMutating == mutating } ? $0 : $0.filter { $0.isMutating == mutating }
    }),
      !own.isEmpty
    {
      // A mutating lookup keeps no copy of the receiver: the variable's array must stay uniquely
      // referenced, or the mutation would copy it whole.
      if mutating { return Lookup(typeName: typeName, methods: own, receiver: .void) }
      if case .range = value {
        return Lookup(typeName: typeName, methods: own, receiver: .array(value.arrayValue ?? []))
      }
      return Lookup(typeName: typeName, methods: own, receiver: value)
    }
    guard !mutating, value.stringValue != nil || value.isSetObject,
      let shared = ArrayMembers.table[name]?.filter({ !$0.isMutating }), !shared.isEmpty
    else { return nil }
    return Lookup(typeName: typeName, methods: shared, receiver: .array(elements(of: value) ?? []))
  }

  /// Calls a non-mutating method; nil when the value has no method of that name.
  static func method(
    _ value: Value, _ name: String, _ arguments: Interpreter.ArgumentList,
    _ interpreter: Interpreter,
    _ span: Span
  ) throws -> Value? {
    guard let found = lookup(value, name, mutating: false) else {
      if lookup(value, name, mutating: true) != nil {
        throw interpreter.error(.mutatingOnValue(value.typeName, name), span)
      }
      return nil
    }
    var receiver = found.receiver
    return try BuiltinMethod.invoke(
      found.methods, on: &receiver, typeName: found.typeName, arguments, interpreter, span)
  }

  /// Calls a mutating method on a variable's value in place (`xs.append(x)`, `s.insert(x)`).
  static func mutate(
    _ value: inout Value, _ name: String, _ arguments: Interpreter.ArgumentList,
    _ interpreter: Interpreter, _ span: Span
  ) throws -> Value {
    if name == "append", arguments.count == 1, arguments[0].label == nil,
      var elements = Interpreter.takeArray(&value)
    {
      defer { value = .array(elements) }  // the common case, without binding
      try interpreter.reserveArrayGrowth(elements, adding: 1, span)
      elements.append(arguments[0].value)
      return .void
    }
    guard let found = lookup(value, name, mutating: true) else {
      if let result = try method(value, name, arguments, interpreter, span) { return result }
      throw interpreter.error(
        .noMember(
          value.typeName, name,
          suggestion: interpreter.suggestion(for: name, among: names(for: value))), span)
    }
    SetObject.makeUnique(&value)
    return try BuiltinMethod.invoke(
      found.methods, on: &value, typeName: found.typeName, arguments, interpreter, span)
  }
}

extension Value {
  var isSetObject: Bool {
    if case .host(let object) = self { return object is SetObject }
    return false
  }
}
