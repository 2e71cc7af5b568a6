/// Assigning members of user values: `p.x = 1` on a struct (copied in place), a class instance
/// (shared) or a type's static `var`; computed setters and `willSet`/`didSet` run around it.
extension Interpreter {
  typealias Mutation = (inout Value) throws -> Void

  /// `value.name = …` (or a deeper path through it) where `value` is a user value or type.
  func assignUserMember(_ value: inout Value, _ name: String, _ at: Span, _ rest: Mutation) throws {
    switch value {
    case .instance, .object:
      guard let type = Self.userType(of: value) else { return }
      try assignField(&value, type, name, at, rest)
    case .type(let type):
      guard let box = type.nearest({ $0.statics[name] }) else {
        throw error(.noMember(type.name, name, suggestion: nil), at)
      }
      if box.isLet { throw error(.assignToLetProperty(name), at) }
      try rest(&box.value)
    default:
      throw error(.notAssignable(), at)
    }
  }

  /// The type of a struct, enum or class value (without keeping a reference to its fields).
  static func userType(of value: Value) -> UserType? {
    switch value {
    case .instance(let instance): return instance.type
    case .object(let object): return object.type
    default: return nil
    }
  }

  private func assignField(
    _ receiver: inout Value, _ type: UserType, _ name: String, _ at: Span, _ rest: Mutation
  ) throws {
    guard let index = type.fieldIndex[name] else {
      guard let (getter, setter) = type.computedProperty(name) else {
        throw error(
          .noMember(
            type.name, name, suggestion: suggestion(for: name, among: userMemberNames(receiver))),
          at)
      }
      guard let setter else { throw error(.readOnlyProperty(name), at) }
      var current = try callClosure(getter.closure, [], at, receiver: Box(receiver, isLet: true))
      try rest(&current)
      try runAccessor(setter, &receiver, current, at)
      return
    }
    let declared = type.stored[index].type
    try withoutActuallyEscaping(rest) { change in
      try assignStored(&receiver, type, name, index, at) { value in
        try change(&value)
        guard let declared else { return }
        guard let checked = self.conform(value, to: declared) else {
          throw self.error(.typeAnnotationMismatch(declared.description, value.typeName), at)
        }
        value = checked
      }
    }
  }

  private func assignStored(
    _ receiver: inout Value, _ type: UserType, _ name: String, _ index: Int, _ at: Span,
    _ rest: Mutation
  ) throws {
    let initializing = initializingReceiver
    initializingReceiver = false
    if type.stored[index].isLet && !initializing { throw error(.assignToLetProperty(name), at) }
    let observers = initializing ? nil : type.nearest { $0.observers[name] }
    guard let observers else { return try updateField(&receiver, index, rest) }
    let old = field(receiver, index)
    var new = old
    try rest(&new)
    if let willSet = observers.willSet { try runAccessor(willSet, &receiver, new, at) }
    try updateField(&receiver, index) { $0 = new }
    if let didSet = observers.didSet { try runAccessor(didSet, &receiver, old, at) }
  }

  private func field(_ receiver: Value, _ index: Int) -> Value {
    switch receiver {
    case .instance(let instance): return instance.fields[index]
    case .object(let object): return object.fields[index]
    default: return .void
    }
  }

  private func updateField(_ receiver: inout Value, _ index: Int, _ rest: Mutation) throws {
    switch receiver {
    case .instance(var instance):
      receiver = .void
      defer { receiver = .instance(instance) }
      try rest(&instance.fields[index])
    case .object(let object):
      var value = object.fields[index]
      object.fields[index] = .void
      defer { object.fields[index] = value }
      try rest(&value)
    default:
      break
    }
  }

  /// Runs a setter or observer with `self` as a `var`, taking back the changed `self`.
  private func runAccessor(
    _ accessor: UserType.Method, _ receiver: inout Value, _ argument: Value, _ at: Span
  ) throws {
    let box = Box(receiver, isLet: false)
    receiver = .void
    defer { receiver = box.value }
    _ = try callClosure(accessor.closure, [(nil, argument)], at, receiver: box)
  }
}
