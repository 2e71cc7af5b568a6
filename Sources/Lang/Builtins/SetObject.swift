/// A `Set` value: distinct elements (Int, Double, Bool or String) in insertion order, so displays
/// are deterministic (Swift's order is unspecified). Value semantics as in Swift: a mutating method
/// copies the storage first unless this variable holds the only reference.
final class SetObject: HostObject {
  private(set) var storage: DictionaryValue

  init(_ storage: DictionaryValue = DictionaryValue()) { self.storage = storage }

  /// A set of `elements`; nil when one cannot be hashed.
  convenience init?(elements: [Value]) {
    var storage = DictionaryValue()
    for element in elements { guard storage.set(element, .bool(true)) else { return nil } }
    self.init(storage)
  }

  var elements: [Value] { storage.entries.map(\.key) }
  var typeName: String { "Set" }
  var description: String { Value.array(elements).description }
  var members: [Member] {
    SetMembers.methods.map(\.member) + [
      .property("count", type: "Int", doc: "The number of elements.")
    ]
  }

  func contains(_ value: Value) -> Bool { storage[value] != nil }

  /// Adds an element; false when it cannot be hashed.
  func insert(_ value: Value) -> Bool { storage.set(value, .bool(true)) }

  func remove(_ value: Value) { storage.set(value, nil) }

  func member(named name: String) throws -> Value? {
    switch name {
    case "count": return .int(storage.count)
    case "isEmpty": return .bool(storage.count == 0)
    case "first": return elements.first ?? .null
    default: return nil
    }
  }

  func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value? {
    guard op == .equal || op == .notEqual, let other = other.host(as: SetObject.self) else {
      return nil
    }
    let same = storage.count == other.storage.count && elements.allSatisfy(other.contains)
    return .bool(op == .equal ? same : !same)
  }

  func makeIterator() throws -> (() throws -> Value?)? {
    var iterator = elements.makeIterator()
    return { iterator.next() }
  }

  /// Copies the set a variable holds unless the variable holds the only reference.
  static func makeUnique(_ value: inout Value) {
    guard var set = take(&value) else { return }
    if !isKnownUniquelyReferenced(&set) { set = SetObject(set.storage) }
    value = .host(set)
  }

  /// Moves the set out of `value` (leaving Void), so no other local keeps a reference.
  private static func take(_ value: inout Value) -> SetObject? {
    guard case .host(let object) = value, let set = object as? SetObject else { return nil }
    value = .void
    return set
  }

  /// `let s: Set = [1, 2]`: an array literal (or a set) as a Set; nil when an element cannot be hashed.
  static func converting(_ value: Value) -> Value? {
    if value.isSetObject { return value }
    guard case .array(let elements) = value else { return nil }
    return SetObject(elements: elements).map { .host($0) }
  }
}
