/// The mutating methods of Array: they change the variable's array in place (appending in a loop
/// stays O(1) amortised, since the array is moved out of its box while it changes).
enum ArrayMutations {
  static let names = Set(methods.map(\.name))

  /// Runs `body` on the receiver's array, moved out so it is uniquely referenced.
  private static func edit(
    _ receiver: inout Value, _ call: MethodCall,
    _ body: (inout [Value]) throws -> Value
  ) throws -> Value {
    guard var elements = Interpreter.takeArray(&receiver) else {
      throw call.fail(.wrongType(call.function, expected: "an Array", got: receiver.typeName))
    }
    defer { receiver = .array(elements) }
    return try body(&elements)
  }

  private static func index(_ call: MethodCall, _ position: Int, _ count: Int, limit: Int) throws
    -> Int
  {
    let index = try call.int(position)
    guard index >= 0, index < limit else { throw call.fail(.indexOutOfRange(index, count: count)) }
    return index
  }

  private static func nonEmpty(_ elements: [Value], _ call: MethodCall, _ count: Int = 1) throws {
    guard elements.count >= count else {
      throw call.fail(.indexOutOfRange(count - 1, count: elements.count))
    }
  }

  static let methods: [BuiltinMethod] = additions + removals + orderings

  private static let additions: [BuiltinMethod] = [
    BuiltinMethod("append", [P.plain("newElement")], mutating: true, "Adds an element at the end.")
    { r, c in
      try edit(&r, c) {
        try c.interpreter.reserveArrayGrowth($0, adding: 1, c.span)
        $0.append(c[0])
        return .void
      }
    },
    BuiltinMethod(
      "append", [P.label("contentsOf", "Sequence", name: "newElements")], mutating: true,
      "Adds a sequence's elements at the end."
    ) { r, c in
      let items = try c.elements(0)
      return try edit(&r, c) {
        try c.interpreter.reserveArrayGrowth($0, adding: items.count, c.span)
        $0 += items
        return .void
      }
    },
    BuiltinMethod(
      "insert", [P.plain("newElement"), P.label("at", "Int", name: "i")], mutating: true,
      "Inserts an element before index i (i may be count)."
    ) { r, c in
      try edit(&r, c) { elements in
        let position = try index(c, 1, elements.count, limit: elements.count + 1)
        try c.interpreter.reserveArrayGrowth(elements, adding: 1, c.span)
        elements.insert(c[0], at: position)
        return .void
      }
    },
    BuiltinMethod(
      "insert",
      [P.label("contentsOf", "Sequence", name: "newElements"), P.label("at", "Int", name: "i")],
      mutating: true, "Inserts a sequence's elements before index i."
    ) { r, c in
      let items = try c.elements(0)
      return try edit(&r, c) { elements in
        let position = try index(c, 1, elements.count, limit: elements.count + 1)
        try c.interpreter.reserveArrayGrowth(elements, adding: items.count, c.span)
        elements.insert(contentsOf: items, at: position)
        return .void
      }
    },
  ]

  private static let removals: [BuiltinMethod] = [
    BuiltinMethod(
      "remove", [P.label("at", "Int", name: "index")], returns: "Element", mutating: true,
      "Removes and returns the element at an index."
    ) { r, c in
      try edit(&r, c) { $0.remove(at: try index(c, 0, $0.count, limit: $0.count)) }
    },
    BuiltinMethod(
      "removeLast", returns: "Element", mutating: true, "Removes and returns the last element."
    ) { r, c in
      try edit(&r, c) {
        try nonEmpty($0, c)
        return $0.removeLast()
      }
    },
    BuiltinMethod(
      "removeLast", [P.plain("k", "Int")], mutating: true, "Removes the last k elements."
    ) { r, c in
      try edit(&r, c) {
        let k = try c.count(0, limit: Int.max)
        try nonEmpty($0, c, k)
        $0.removeLast(k)
        return .void
      }
    },
    BuiltinMethod(
      "removeFirst", returns: "Element", mutating: true, "Removes and returns the first element."
    ) { r, c in
      try edit(&r, c) {
        try nonEmpty($0, c)
        return $0.removeFirst()
      }
    },
    BuiltinMethod(
      "removeFirst", [P.plain("k", "Int")], mutating: true, "Removes the first k elements."
    ) { r, c in
      try edit(&r, c) {
        let k = try c.count(0, limit: Int.max)
        try nonEmpty($0, c, k)
        $0.removeFirst(k)
        return .void
      }
    },
    BuiltinMethod(
      "popLast", returns: "Element?", mutating: true,
      "Removes and returns the last element; nil when empty."
    ) { r, c in
      try edit(&r, c) { $0.popLast() ?? .null }
    },
    BuiltinMethod("removeAll", mutating: true, "Removes every element.") { r, c in
      try edit(&r, c) {
        $0.removeAll()
        return .void
      }
    },
    BuiltinMethod(
      "removeAll", [P.label("where", "(Element) -> Bool", name: "shouldBeRemoved")], mutating: true,
      "Removes the elements for which the closure is true."
    ) { r, c in
      try edit(&r, c) { elements in
        try elements.removeAll { try c.test(c[0], $0) }
        return .void
      }
    },
  ]

  private static let orderings: [BuiltinMethod] = [
    BuiltinMethod("sort", mutating: true, "Sorts in increasing order (<).") { r, c in
      try edit(&r, c) { elements in
        try elements.sort { try c.less($0, $1) }
        return .void
      }
    },
    BuiltinMethod(
      "sort", [P.label("by", "(Element, Element) -> Bool", name: "areInIncreasingOrder")],
      mutating: true,
      "Sorts by the closure's order: sort(by: >)."
    ) { r, c in
      try edit(&r, c) { elements in
        try elements.sort { try c.test(c[0], $0, $1) }
        return .void
      }
    },
    BuiltinMethod("reverse", mutating: true, "Reverses the order in place.") { r, c in
      try edit(&r, c) {
        $0.reverse()
        return .void
      }
    },
    BuiltinMethod(
      "swapAt", [P.plain("i", "Int"), P.plain("j", "Int")], mutating: true,
      "Exchanges the elements at i and j."
    ) { r, c in
      try edit(&r, c) {
        $0.swapAt(
          try index(c, 0, $0.count, limit: $0.count), try index(c, 1, $0.count, limit: $0.count))
        return .void
      }
    },
    BuiltinMethod("shuffle", mutating: true, "Shuffles in place with the session's seed (%seed).") {
      r, c in
      let generator = SeededGenerator(seed: c.interpreter.session?.nextSeed() ?? 0)
      return try edit(&r, c) {
        $0 = generator.shuffle($0)
        return .void
      }
    },
    BuiltinMethod(
      "shuffle", [P.label("using", "SeededGenerator", name: "generator")], mutating: true,
      "Shuffles in place with the generator."
    ) { r, c in
      let generator = try SeededGenerator.argument(c, 0)
      return try edit(&r, c) {
        $0 = generator.shuffle($0)
        return .void
      }
    },
  ]
}
