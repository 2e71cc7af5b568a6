/// The methods of Dictionary. Entries keep insertion order; an entry given to a closure is a
/// pair `(key, value)` that answers `.key` and `.value` (or binds as `{ k, v in … }`).
enum DictionaryMembers {
  static let table: BuiltinMembers.Table = Dictionary(grouping: methods + mutations, by: \.name)
  static let mutatingNames = Set(mutations.map(\.name))

  private static func dictionary(_ value: Value, _ call: MethodCall) throws -> DictionaryValue {
    guard case .dictionary(let dictionary) = value else {
      throw call.fail(.wrongType(call.function, expected: "a Dictionary", got: value.typeName))
    }
    return dictionary
  }

  private static func pairs(_ value: Value) -> [Value] {
    guard case .dictionary(let dictionary) = value else { return [] }
    return dictionary.entries.map { .tuple([$0.key, $0.value]) }
  }

  /// Sets an entry; a TypeError for a key that cannot be hashed.
  static func set(
    _ dictionary: inout DictionaryValue, _ key: Value, _ value: Value?, _ call: MethodCall
  ) throws {
    guard dictionary.set(key, value) else {
      throw call.fail(
        .wrongType("a dictionary key", expected: "Int, Double, Bool or String", got: key.typeName))
    }
  }

  private static var entryOrder: Parameter {
    P.label("by", "(Entry, Entry) -> Bool", name: "areInIncreasingOrder")
  }

  private static var combine: Parameter {
    P.label("uniquingKeysWith", "(Value, Value) -> Value", name: "combine")
  }

  static let methods: [BuiltinMethod] = [
    BuiltinMethod(
      "mapValues", [P.plain("transform", "(Value) -> T")], returns: "Dictionary",
      "The same keys with the closure's results as values."
    ) { r, c in
      var result = DictionaryValue()
      for entry in try dictionary(r, c).entries {
        try set(&result, entry.key, try c.call(c[0], entry.value), c)
      }
      return .dictionary(result)
    },
    BuiltinMethod(
      "filter", [P.plain("isIncluded", "((key: Key, value: Value)) -> Bool")],
      returns: "Dictionary",
      "The entries for which the closure is true."
    ) { r, c in
      var result = DictionaryValue()
      for entry in try dictionary(r, c).entries
      where try c.test(c[0], .tuple([entry.key, entry.value])) {
        try set(&result, entry.key, entry.value, c)
      }
      return .dictionary(result)
    },
    BuiltinMethod(
      "merging", [P.plain("other", "Dictionary"), combine], returns: "Dictionary",
      "This dictionary with the other's entries; the closure picks the value of a shared key."
    ) { r, c in
      var result = try dictionary(r, c)
      try merge(&result, c[0], c[1], c)
      return .dictionary(result)
    },
    BuiltinMethod(
      "sorted", [P.label("by", "(Entry, Entry) -> Bool", name: "areInIncreasingOrder")],
      returns: "Array",
      "The (key, value) pairs ordered by the closure: sorted(by: { $0.value > $1.value })."
    ) { r, c in
      .array(try pairs(r).sorted { try c.test(c[0], $0, $1) })
    },
    BuiltinMethod(
      "map", [P.plain("transform", "((key: Key, value: Value)) -> T")], returns: "Array",
      "The closure's results for each (key, value) pair."
    ) { r, c in
      .array(try pairs(r).map { try c.call(c[0], $0) })
    },
    BuiltinMethod(
      "forEach", [P.plain("body", "((key: Key, value: Value)) -> ()")],
      "Runs the closure on each pair."
    ) { r, c in
      for pair in pairs(r) { _ = try c.call(c[0], pair) }
      return .void
    },
    BuiltinMethod(
      "contains", [P.label("where", "((key: Key, value: Value)) -> Bool", name: "predicate")],
      returns: "Bool",
      "Whether the closure is true for some pair."
    ) { r, c in
      .bool(try pairs(r).contains { try c.test(c[0], $0) })
    },
    BuiltinMethod(
      "min", [entryOrder], returns: "(key: Key, value: Value)?",
      "The pair that comes first in the closure's order: min { $0.value < $1.value }."
    ) { r, c in
      try pairs(r).min { try c.test(c[0], $0, $1) } ?? .null
    },
    BuiltinMethod(
      "max", [entryOrder], returns: "(key: Key, value: Value)?",
      "The pair that comes last in the closure's order: max { $0.value < $1.value }."
    ) { r, c in
      try pairs(r).max { try c.test(c[0], $0, $1) } ?? .null
    },
    BuiltinMethod(
      "first", [P.label("where", "((key: Key, value: Value)) -> Bool", name: "predicate")],
      returns: "(key: Key, value: Value)?",
      "The first pair (in insertion order) the closure accepts."
    ) { r, c in
      try pairs(r).first { try c.test(c[0], $0) } ?? .null
    },
    BuiltinMethod(
      "allSatisfy", [P.plain("predicate", "((key: Key, value: Value)) -> Bool")],
      returns: "Bool", "Whether the closure is true for every pair."
    ) { r, c in
      .bool(try pairs(r).allSatisfy { try c.test(c[0], $0) })
    },
    BuiltinMethod(
      "reduce",
      [
        P.plain("initialResult"),
        P.plain("nextPartialResult", "(Result, (key: Key, value: Value)) -> Result"),
      ],
      "Combines the pairs in insertion order: reduce(0) { $0 + $1.value }."
    ) { r, c in
      try pairs(r).reduce(c[0]) { try c.call(c[1], $0, $1) }
    },
    BuiltinMethod(
      "compactMap", [P.plain("transform", "((key: Key, value: Value)) -> T?")], returns: "Array",
      "The closure's non-nil results for each pair."
    ) { r, c in
      .array(try pairs(r).map { try c.call(c[0], $0) }.filter { !$0.isNil })
    },
    BuiltinMethod(
      "index", [P.label("forKey", name: "key")], returns: "Int?",
      "The position of a key in insertion order, nil when absent."
    ) { r, c in
      try dictionary(r, c).entries.firstIndex { c.equal($0.key, c[0]) }.map(Value.int) ?? .null
    },
  ]

  /// Merges `other` into `result`, `combine(old, new)` deciding shared keys.
  private static func merge(
    _ result: inout DictionaryValue, _ other: Value, _ combine: Value, _ call: MethodCall
  ) throws {
    let entries: [(key: Value, value: Value)]
    if case .dictionary(let dictionary) = other {
      entries = dictionary.entries
    } else {
      entries = try call.elements(0).map { pair in
        guard case .tuple(let parts) = pair, parts.count == 2 else {
          throw call.fail(
            .wrongType(
              call.function, expected: "a Dictionary or (key, value) pairs", got: pair.typeName))
        }
        return (parts[0], parts[1])
      }
    }
    for entry in entries {
      let value =
        try result[entry.key].map { try call.call(combine, $0, entry.value) } ?? entry.value
      try set(&result, entry.key, value, call)
    }
  }

  private static func edit(
    _ receiver: inout Value, _ call: MethodCall,
    _ body: (inout DictionaryValue) throws -> Value
  ) throws -> Value {
    guard var dictionary = Interpreter.takeDictionary(&receiver) else {
      throw call.fail(.wrongType(call.function, expected: "a Dictionary", got: receiver.typeName))
    }
    defer { receiver = .dictionary(dictionary) }
    return try body(&dictionary)
  }

  static let mutations: [BuiltinMethod] = [
    BuiltinMethod(
      "removeValue", [P.label("forKey", name: "key")], returns: "Value?", mutating: true,
      "Removes a key's entry and returns its value (nil when absent)."
    ) { r, c in
      try edit(&r, c) { dictionary in
        let old = dictionary[c[0]] ?? .null
        try set(&dictionary, c[0], nil, c)
        return old
      }
    },
    BuiltinMethod(
      "updateValue", [P.plain("value"), P.label("forKey", name: "key")], returns: "Value?",
      mutating: true,
      "Sets a key's value and returns the old one (nil when new)."
    ) { r, c in
      try edit(&r, c) { dictionary in
        let old = dictionary[c[1]] ?? .null
        try set(&dictionary, c[1], c[0], c)
        return old
      }
    },
    BuiltinMethod(
      "merge", [P.plain("other", "Dictionary"), combine], mutating: true,
      "Adds the other's entries; the closure picks the value of a shared key."
    ) { r, c in
      try edit(&r, c) {
        try merge(&$0, c[0], c[1], c)
        return .void
      }
    },
    BuiltinMethod("removeAll", mutating: true, "Removes every entry.") { r, c in
      try edit(&r, c) {
        $0 = DictionaryValue()
        return .void
      }
    },
  ]
}
