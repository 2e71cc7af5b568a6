/// A struct, class, enum or protocol declared in a cell, as the interpreter keeps it: its stored
/// properties in declaration order (a class's superclass's first), computed properties, methods
/// (overloads by base name), static members, enum cases and conformances. Extensions add to it.
///
/// Redefining a type in a later cell makes a new `UserType`; values made from the old one keep it
/// (and print its `definition` number in `type(of:)` messages when they differ).
public final class UserType {
  /// A method, initializer, accessor or operator with its closure (captures the declaring scope).
  final class Method {
    let decl: MethodDecl
    let closure: Closure
    /// Its extension's constraints on the receiver (`where Element: Numeric`), checked per call.
    var receiverConstraints: [ReceiverConstraint] = []
    init(_ decl: MethodDecl, _ closure: Closure) {
      self.decl = decl
      self.closure = closure
    }
  }

  let name: String
  let kind: TypeDecl.Kind
  let scope: Scope
  /// Counts definitions of types across the session (a redefinition gets a new number).
  let definition: Int
  var superclass: UserType?
  /// Protocols written after `:` (and for a class its superclass's), and those added by extensions.
  var conformances: [String] = []
  var stored: [PropertyDecl] = []
  var fieldIndex: [String: Int] = [:]
  var computed: [String: (getter: Method, setter: Method?)] = [:]
  /// Observers of stored properties by name.
  var observers: [String: (willSet: Method?, didSet: Method?)] = [:]
  var methods: [String: [Method]] = [:]
  var inits: [Method] = []
  var statics: [String: Box] = [:]
  var staticComputed: [String: Method] = [:]
  var staticMethods: [String: [Method]] = [:]
  var cases: [EnumCaseDecl] = []
  var caseIndex: [String: Int] = [:]
  var rawValues: [Value] = []
  var rawType: String?
  /// A protocol's required members (name → is a method).
  var requirements: [(name: String, isMethod: Bool)] = []
  let isFinal: Bool
  /// The interpreter that runs its methods (for `description` when a value is printed).
  var interpreter: Interpreter? {
    get { handle?.interpreter }
    set { handle = newValue?.handle }
  }
  private var handle: InterpreterHandle?

  init(name: String, kind: TypeDecl.Kind, scope: Scope, definition: Int, isFinal: Bool) {
    self.name = name
    self.kind = kind
    self.scope = scope
    self.definition = definition
    self.isFinal = isFinal
  }

  /// The type and its superclasses, nearest first.
  var lineage: [UserType] {
    var result: [UserType] = [self]
    while let next = result.last?.superclass { result.append(next) }
    return result
  }

  /// What `find` finds first in this type or its superclasses, nearest first (`lineage`
  /// without making an array: member lookups run on every call and assignment).
  @inline(__always)
  func nearest<T>(_ find: (UserType) throws -> T?) rethrows -> T? {
    var type: UserType? = self
    while let current = type {
      if let found = try find(current) { return found }
      type = current.superclass
    }
    return nil
  }

  /// Whether a value of this type may be used where `name` is written (itself, a superclass, a protocol).
  func satisfies(_ name: String) -> Bool {
    nearest { $0.name == name || $0.conformances.contains(name) ? true : nil } ?? false
  }

  /// The first instance method called `name` here, in a superclass, or a protocol's default.
  func methods(named name: String) -> [Method]? {
    nearest { $0.methods[name] } ?? protocolDefaults { $0.methods[name] }
  }

  func computedProperty(_ name: String) -> (getter: Method, setter: Method?)? {
    nearest { $0.computed[name] } ?? protocolDefaults { $0.computed[name] }
  }

  /// Something found in the protocol extensions of the protocols this type conforms to.
  func protocolDefaults<T>(_ find: (UserType) -> T?) -> T? {
    for type in lineage {
      for name in type.conformances {
        guard case .type(let proto)? = scope.lookup(name)?.value, proto.kind == .protocolType else {
          continue
        }
        if let found = find(proto) { return found }
      }
    }
    return nil
  }

  /// Whether `==` compares fields (declared Equatable, Hashable or Comparable; or an enum without payloads).
  var isEquatable: Bool {
    if kind == .enumType && cases.allSatisfy({ $0.associated == nil }) { return true }
    return ["Equatable", "Hashable", "Comparable", "Error"].contains { satisfies($0) }
  }

  var isHashable: Bool {
    (kind == .enumType && cases.allSatisfy({ $0.associated == nil })) || satisfies("Hashable")
  }
}

/// A struct or enum value: its type and fields (an enum's: the case and its associated values).
/// Copied on assignment like every Swift value; `fields` is copy-on-write underneath.
public struct InstanceValue {
  let type: UserType
  var fields: [Value]
  /// An enum value's case (index into `type.cases`); -1 for a struct.
  var caseIndex: Int = -1
}

/// A class instance: shared by every variable that holds it.
public final class ObjectRef {
  let type: UserType
  var fields: [Value]

  init(type: UserType, fields: [Value]) {
    self.type = type
    self.fields = fields
  }
}
