/// The non-mutating methods of Array (ranges, Strings and Sets answer them too, on their elements).
enum ArrayMembers {
  static let table: BuiltinMembers.Table = Dictionary(
    grouping: transforms + searches + slices, by: \.name
  )
  .merging(Dictionary(grouping: ArrayMutations.methods, by: \.name)) { $0 + $1 }

  private static func items(_ receiver: Value) -> [Value] { receiver.arrayValue ?? [] }

  private static var closure: Parameter { P.plain("body", "(Element) -> Value") }
  private static var predicate: Parameter {
    P.label("where", "(Element) -> Bool", name: "predicate")
  }
  private static var order: Parameter {
    P.label("by", "(Element, Element) -> Bool", name: "areInIncreasingOrder")
  }

  static let transforms: [BuiltinMethod] = [
    BuiltinMethod(
      "map", [closure], returns: "Array", "The results of the closure for each element."
    ) { r, c in
      .array(try items(r).map { try c.call(c[0], $0) })
    },
    BuiltinMethod("compactMap", [closure], returns: "Array", "The non-nil results of the closure.")
    { r, c in
      .array(try items(r).map { try c.call(c[0], $0) }.filter { !$0.isNil })
    },
    BuiltinMethod(
      "flatMap", [closure], returns: "Array",
      "The closure's arrays, concatenated (nil results left out)."
    ) { r, c in
      var result: [Value] = []
      for element in items(r) {
        let part = try c.call(c[0], element)
        if case .array(let parts) = part {
          result += parts
        } else if !part.isNil {
          result.append(part)
        }
      }
      return .array(result)
    },
    BuiltinMethod(
      "filter", [P.plain("isIncluded", "(Element) -> Bool")], returns: "Array",
      "The elements for which the closure is true."
    ) { r, c in
      .array(try items(r).filter { try c.test(c[0], $0) })
    },
    BuiltinMethod("forEach", [closure], "Runs the closure on each element.") { r, c in
      for element in items(r) { _ = try c.call(c[0], element) }
      return .void
    },
    BuiltinMethod(
      "reduce",
      [P.plain("initialResult"), P.plain("nextPartialResult", "(Result, Element) -> Result")],
      "Combines the elements: reduce(0, +) is the sum."
    ) { r, c in
      try items(r).reduce(c[0]) { try c.call(c[1], $0, $1) }
    },
    BuiltinMethod(
      "reduce",
      [
        P.label("into", name: "initialResult"),
        P.plain("updateAccumulatingResult", "(inout Result, Element) -> ()"),
      ],
      "Updates $0 with each element: reduce(into: [:]) { $0[$1, default: 0] += 1 }."
    ) { r, c in
      var accumulator = c[0]
      for element in items(r) {
        try c.interpreter.callUpdating(c[1], &accumulator, [element], c.span)
      }
      return accumulator
    },
    BuiltinMethod(
      "enumerated", returns: "[(offset: Int, element: Element)]",
      "Pairs (offset, element); a pair answers .offset and .element."
    ) { r, _ in
      .array(items(r).enumerated().map { .tuple([.int($0.offset), $0.element]) })
    },
    BuiltinMethod("reversed", returns: "Array", "The elements in reverse order.") { r, _ in
      .array(items(r).reversed())
    },
    BuiltinMethod("sorted", returns: "Array", "The elements in increasing order (<).") { r, c in
      .array(try items(r).sorted { try c.less($0, $1) })
    },
    BuiltinMethod(
      "sorted", [order], returns: "Array", "The elements ordered by the closure: sorted(by: >)."
    ) { r, c in
      .array(try items(r).sorted { try c.test(c[0], $0, $1) })
    },
    BuiltinMethod(
      "joined", [P.optional("separator", "separator", "String", .string(""))], returns: "String",
      "The elements' text joined with the separator."
    ) { r, c in
      .string(items(r).map(\.description).joined(separator: try c.string(0)))
    },
    BuiltinMethod(
      "shuffled", returns: "Array",
      "The elements in a random order drawn from the session's seed (%seed)."
    ) { r, c in
      let generator = SeededGenerator(seed: c.interpreter.session?.nextSeed() ?? 0)
      return .array(generator.shuffle(items(r)))
    },
    BuiltinMethod(
      "shuffled", [P.label("using", "SeededGenerator", name: "generator")], returns: "Array",
      "The elements in a random order drawn from the generator."
    ) { r, c in
      .array(try SeededGenerator.argument(c, 0).shuffle(items(r)))
    },
    BuiltinMethod(
      "randomElement", returns: "Element?",
      "A random element (from the session's seed), nil when empty."
    ) { r, c in
      let generator = SeededGenerator(seed: c.interpreter.session?.nextSeed() ?? 0)
      let elements = items(r)
      return elements.isEmpty ? .null : elements[generator.next(below: elements.count)]
    },
  ]

  static let searches: [BuiltinMethod] = [
    BuiltinMethod(
      "contains", [P.plain("element")], returns: "Bool", "Whether an element equals the argument."
    ) { r, c in
      .bool(items(r).contains { c.equal($0, c[0]) })
    },
    BuiltinMethod(
      "contains", [predicate], returns: "Bool", "Whether the closure is true for some element."
    ) { r, c in
      .bool(try items(r).contains { try c.test(c[0], $0) })
    },
    BuiltinMethod(
      "allSatisfy", [P.plain("predicate", "(Element) -> Bool")], returns: "Bool",
      "Whether the closure is true for every element."
    ) { r, c in
      .bool(try items(r).allSatisfy { try c.test(c[0], $0) })
    },
    BuiltinMethod(
      "first", [predicate], returns: "Element?", "The first element for which the closure is true."
    ) { r, c in
      try items(r).first { try c.test(c[0], $0) } ?? .null
    },
    BuiltinMethod(
      "last", [predicate], returns: "Element?", "The last element for which the closure is true."
    ) { r, c in
      try items(r).last { try c.test(c[0], $0) } ?? .null
    },
    BuiltinMethod(
      "firstIndex", [P.label("of", name: "element")], returns: "Int?",
      "The index of the first equal element."
    ) { r, c in
      items(r).firstIndex { c.equal($0, c[0]) }.map(Value.int) ?? .null
    },
    BuiltinMethod(
      "firstIndex", [predicate], returns: "Int?",
      "The index of the first element the closure accepts."
    ) { r, c in
      try items(r).firstIndex { try c.test(c[0], $0) }.map(Value.int) ?? .null
    },
    BuiltinMethod(
      "lastIndex", [P.label("of", name: "element")], returns: "Int?",
      "The index of the last equal element."
    ) { r, c in
      items(r).lastIndex { c.equal($0, c[0]) }.map(Value.int) ?? .null
    },
    BuiltinMethod(
      "lastIndex", [predicate], returns: "Int?",
      "The index of the last element the closure accepts."
    ) { r, c in
      try items(r).lastIndex { try c.test(c[0], $0) }.map(Value.int) ?? .null
    },
    BuiltinMethod("min", returns: "Element?", "The smallest element (<), nil when empty.") { r, c in
      try items(r).min { try c.less($0, $1) } ?? .null
    },
    BuiltinMethod(
      "min", [order], returns: "Element?", "The smallest element by the closure's order."
    ) { r, c in
      try items(r).min { try c.test(c[0], $0, $1) } ?? .null
    },
    BuiltinMethod("max", returns: "Element?", "The largest element (<), nil when empty.") { r, c in
      try items(r).max { try c.less($0, $1) } ?? .null
    },
    BuiltinMethod(
      "max", [order], returns: "Element?", "The largest element by the closure's order."
    ) { r, c in
      try items(r).max { try c.test(c[0], $0, $1) } ?? .null
    },
  ]

  static let slices: [BuiltinMethod] = [
    BuiltinMethod(
      "prefix", [P.plain("maxLength", "Int")], returns: "Array",
      "The first n elements (fewer if short)."
    ) { r, c in
      .array(Array(items(r).prefix(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "prefix", [P.label("while", "(Element) -> Bool", name: "predicate")], returns: "Array",
      "The leading elements for which the closure is true."
    ) { r, c in
      .array(Array(try items(r).prefix { try c.test(c[0], $0) }))
    },
    BuiltinMethod(
      "suffix", [P.plain("maxLength", "Int")], returns: "Array",
      "The last n elements (fewer if short)."
    ) { r, c in
      .array(Array(items(r).suffix(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "dropFirst", [P.optional(nil, "k", "Int", .int(1))], returns: "Array",
      "All but the first k elements."
    ) { r, c in
      .array(Array(items(r).dropFirst(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "dropLast", [P.optional(nil, "k", "Int", .int(1))], returns: "Array",
      "All but the last k elements."
    ) { r, c in
      .array(Array(items(r).dropLast(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "drop", [P.label("while", "(Element) -> Bool", name: "predicate")], returns: "Array",
      "The elements after the leading ones for which the closure is true."
    ) { r, c in
      .array(Array(try items(r).drop { try c.test(c[0], $0) }))
    },
  ]
}
