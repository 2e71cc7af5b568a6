/// The methods of Set. A Set also answers the Array methods it lacks, on its elements in insertion
/// order (`s.sorted()`, `s.map { … }`, `s.reduce(0, +)`).
enum SetMembers {
  static let table: BuiltinMembers.Table = Dictionary(grouping: methods, by: \.name)
  static let mutatingNames = Set(methods.filter(\.isMutating).map(\.name))

  private static func set(_ value: Value) -> SetObject {
    value.host(as: SetObject.self) ?? SetObject()
  }

  /// The argument at `index` as a set (any sequence converts).
  private static func other(_ call: MethodCall, _ index: Int) throws -> SetObject {
    if let set = call[index].host(as: SetObject.self) { return set }
    guard let set = SetObject(elements: try call.elements(index)) else { throw unhashable(call) }
    return set
  }

  private static func unhashable(_ call: MethodCall) -> HostError {
    call.fail(
      .wrongType(
        call.function, expected: "elements of type Int, Double, Bool or String", got: "other values"
      ))
  }

  private static func combine(
    _ name: String, _ doc: String, _ pick: @escaping (SetObject, SetObject) -> [Value]
  ) -> BuiltinMethod {
    BuiltinMethod(name, [P.plain("other", "Sequence")], returns: "Set", doc) { r, c in
      .host(SetObject(elements: pick(set(r), try other(c, 0))) ?? SetObject())
    }
  }

  static let methods: [BuiltinMethod] = [
    BuiltinMethod(
      "contains", [P.plain("member")], returns: "Bool", "Whether the set has the element (O(1))."
    ) { r, c in
      .bool(set(r).contains(c[0]))
    },
    combine("union", "The elements of either.") { $0.elements + $1.elements },
    combine("intersection", "The elements of both.") { a, b in a.elements.filter(b.contains) },
    combine("subtracting", "The elements not in the other.") { a, b in
      a.elements.filter { !b.contains($0) }
    },
    combine("symmetricDifference", "The elements in exactly one of the two.") { a, b in
      a.elements.filter { !b.contains($0) } + b.elements.filter { !a.contains($0) }
    },
    BuiltinMethod(
      "isSubset", [P.label("of", "Sequence", name: "other")], returns: "Bool",
      "Whether every element is in the other."
    ) { r, c in
      let other = try other(c, 0)
      return .bool(set(r).elements.allSatisfy(other.contains))
    },
    BuiltinMethod(
      "isSuperset", [P.label("of", "Sequence", name: "other")], returns: "Bool",
      "Whether it has every element of the other."
    ) { r, c in
      .bool(try other(c, 0).elements.allSatisfy(set(r).contains))
    },
    BuiltinMethod(
      "isDisjoint", [P.label("with", "Sequence", name: "other")], returns: "Bool",
      "Whether no element is shared."
    ) { r, c in
      .bool(!(try other(c, 0).elements.contains(where: set(r).contains)))
    },
    BuiltinMethod(
      "filter", [P.plain("isIncluded", "(Element) -> Bool")], returns: "Set",
      "The elements for which the closure is true."
    ) { r, c in
      .host(SetObject(elements: try set(r).elements.filter { try c.test(c[0], $0) }) ?? SetObject())
    },
    BuiltinMethod(
      "insert", [P.plain("newMember")], returns: "(inserted: Bool, memberAfterInsert: Element)",
      mutating: true,
      "Adds an element; returns (whether it was new, the element)."
    ) { r, c in
      let target = set(r)
      let isNew = !target.contains(c[0])
      guard target.insert(c[0]) else { throw unhashable(c) }
      return .tuple([.bool(isNew), c[0]])
    },
    BuiltinMethod(
      "remove", [P.plain("member")], returns: "Element?", mutating: true,
      "Removes an element; returns it, or nil when absent."
    ) { r, c in
      let target = set(r)
      guard target.contains(c[0]) else { return .null }
      target.remove(c[0])
      return c[0]
    },
    BuiltinMethod("removeAll", mutating: true, "Removes every element.") { r, _ in
      r = .host(SetObject())
      return .void
    },
    BuiltinMethod(
      "formUnion", [P.plain("other", "Sequence")], mutating: true, "Adds the other's elements."
    ) { r, c in
      let target = set(r)
      for element in try other(c, 0).elements { _ = target.insert(element) }
      return .void
    },
    BuiltinMethod(
      "subtract", [P.plain("other", "Sequence")], mutating: true, "Removes the other's elements."
    ) { r, c in
      let target = set(r)
      for element in try other(c, 0).elements { target.remove(element) }
      return .void
    },
    BuiltinMethod(
      "formIntersection", [P.plain("other", "Sequence")], mutating: true,
      "Keeps only the shared elements."
    ) { r, c in
      let other = try other(c, 0)
      r = .host(SetObject(elements: set(r).elements.filter(other.contains)) ?? SetObject())
      return .void
    },
  ]
}
