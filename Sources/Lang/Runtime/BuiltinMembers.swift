/// Properties and methods of the built-in types (Array, String, Dictionary, ranges, numbers).
/// Mutating array and dictionary methods live in `Interpreter+Assignment`.
enum BuiltinMembers {
  static let arrayMembers = [
    "count", "isEmpty", "first", "last", "indices", "map", "filter", "reduce", "enumerated", "sorted", "reversed",
    "contains", "joined", "min", "max", "firstIndex", "prefix", "suffix", "dropFirst", "dropLast", "forEach",
    "allSatisfy", "append", "insert", "remove", "removeLast", "removeFirst", "removeAll", "sort", "reverse",
  ]
  static let stringMembers = [
    "count", "isEmpty", "first", "last", "uppercased", "lowercased", "hasPrefix", "hasSuffix", "contains", "split",
    "reversed",
  ]
  static let dictionaryMembers = ["count", "isEmpty", "keys", "values", "removeValue"]
  static let numberMembers = ["description", "rounded", "squareRoot", "isNaN"]

  /// The member names completion offers for a value.
  static func names(for value: Value) -> [String] {
    switch value {
    case .array, .range: return arrayMembers
    case .string: return stringMembers
    case .dictionary: return dictionaryMembers
    case .int, .double: return numberMembers
    case .host(let object): return object.members.map(\.name)
    case .native(let native): return Array(native.staticMembers.keys).sorted()
    default: return []
    }
  }

  static func property(_ value: Value, _ name: String, _ interpreter: Interpreter, _ span: Span) throws -> Value? {
    switch (value, name) {
    case (.dictionary(let dictionary), "count"): return .int(dictionary.count)
    case (.dictionary(let dictionary), "isEmpty"): return .bool(dictionary.count == 0)
    case (.dictionary(let dictionary), "keys"): return .array(dictionary.entries.map(\.key))
    case (.dictionary(let dictionary), "values"): return .array(dictionary.entries.map(\.value))
    case (.string(let text), "count"): return .int(text.count)
    case (.string(let text), "isEmpty"): return .bool(text.isEmpty)
    case (.string(let text), "first"): return text.first.map { .string(String($0)) } ?? .null
    case (.string(let text), "last"): return text.last.map { .string(String($0)) } ?? .null
    case (.range(let range), "lowerBound"): return range.lower.map(Value.int) ?? .null
    case (.range(let range), "upperBound"): return range.upper.map(Value.int) ?? .null
    case (.int, "description"), (.double, "description"): return .string(value.description)
    case (.double(let number), "isNaN"): return .bool(number.isNaN)
    default: break
    }
    guard let elements = sequence(value) else { return nil }
    switch name {
    case "count": return .int(elements.count)
    case "isEmpty": return .bool(elements.isEmpty)
    case "first": return elements.first ?? .null
    case "last": return elements.last ?? .null
    case "indices": return .range(RangeValue(lower: 0, upper: elements.count, isClosed: false))
    default: return nil
    }
  }

  private static func sequence(_ value: Value) -> [Value]? {
    switch value {
    case .array(let elements): return elements
    case .range: return value.arrayValue
    default: return nil
    }
  }

  static func method(_ value: Value, _ name: String, _ arguments: [Value], _ interpreter: Interpreter,
                     _ span: Span) throws -> Value? {
    switch value {
    case .string(let text): return try stringMethod(text, name, arguments, interpreter, span)
    case .double(let number):
      if name == "rounded" { return .double(number.rounded()) }
      if name == "squareRoot" { return .double(number.squareRoot()) }
      return nil
    case .int(let number):
      if name == "squareRoot" { return .double(Double(number).squareRoot()) }
      return nil
    default:
      guard let elements = sequence(value) else { return nil }
      return try SequenceMethods(elements: elements, arguments: arguments, interpreter: interpreter, span: span)
        .call(name)
    }
  }

  private static func stringMethod(_ text: String, _ name: String, _ arguments: [Value], _ interpreter: Interpreter,
                                   _ span: Span) throws -> Value? {
    let argument = arguments.first?.stringValue ?? ""
    switch name {
    case "uppercased": return .string(text.uppercased())
    case "lowercased": return .string(text.lowercased())
    case "hasPrefix": return .bool(text.hasPrefix(argument))
    case "hasSuffix": return .bool(text.hasSuffix(argument))
    case "contains": return .bool(argument.isEmpty ? true : text.contains(argument))
    case "reversed": return .string(String(text.reversed()))
    case "split":
      guard let separator = argument.first else { throw interpreter.error(.wrongType("split(separator:)", expected: "a one-character String", got: "\"\(argument)\""), span) }
      return .array(text.split(separator: separator).map { .string(String($0)) })
    default: return nil
    }
  }
}

/// Non-mutating methods of arrays and ranges.
struct SequenceMethods {
  let elements: [Value]
  let arguments: [Value]
  let interpreter: Interpreter
  let span: Span

  private func call(_ function: Value, _ values: Value...) throws -> Value {
    try interpreter.callValue(function, values.map { (nil, $0) }, span)
  }

  private func argument(_ index: Int) throws -> Value {
    guard arguments.indices.contains(index) else { throw interpreter.error(.argumentCount("the method", expected: index + 1, got: arguments.count), span) }
    return arguments[index]
  }

  private func flag(_ value: Value) throws -> Bool {
    guard case .bool(let result) = value else { throw interpreter.error(.wrongType("the closure", expected: "Bool", got: value.typeName), span) }
    return result
  }

  private func ordered(_ a: Value, _ b: Value) throws -> Bool {
    guard case .bool(let result) = try interpreter.binary("<", a, b, span) else { return false }
    return result
  }

  func call(_ name: String) throws -> Value? {
    switch name {
    case "map": return .array(try elements.map { try call(argument(0), $0) })
    case "filter": return .array(try elements.filter { try flag(call(argument(0), $0)) })
    case "forEach":
      for element in elements { _ = try call(argument(0), element) }
      return .void
    case "reduce": return try elements.reduce(argument(0)) { try call(argument(1), $0, $1) }
    case "allSatisfy": return .bool(try elements.allSatisfy { try flag(call(argument(0), $0)) })
    case "contains":
      if case .closure = try argument(0) { return .bool(try elements.contains { try flag(call(argument(0), $0)) }) }
      return .bool(try elements.contains { interpreter.equal($0, try argument(0)) })
    case "enumerated": return .array(elements.enumerated().map { .tuple([.int($0.offset), $0.element]) })
    case "reversed": return .array(elements.reversed())
    case "sorted":
      if arguments.isEmpty { return .array(try elements.sorted { try ordered($0, $1) }) }
      return .array(try elements.sorted { try flag(call(argument(0), $0, $1)) })
    case "min": return try elements.min { try ordered($0, $1) } ?? .null
    case "max": return try elements.max { try ordered($0, $1) } ?? .null
    case "joined":
      let separator = arguments.first?.stringValue ?? ""
      return .string(elements.map(\.description).joined(separator: separator))
    case "firstIndex":
      let target = try argument(0)
      return elements.firstIndex { interpreter.equal($0, target) }.map(Value.int) ?? .null
    case "prefix", "suffix", "dropFirst", "dropLast":
      let count = max(0, arguments.first?.intValue ?? (name.hasPrefix("drop") ? 1 : 0))
      switch name {
      case "prefix": return .array(Array(elements.prefix(count)))
      case "suffix": return .array(Array(elements.suffix(count)))
      case "dropFirst": return .array(Array(elements.dropFirst(count)))
      default: return .array(Array(elements.dropLast(count)))
      }
    default: return nil
    }
  }
}
