import Synchronization

/// A variable: its value, whether it is a `let`, and its declared type (checked on assignment).
final class Box {
  @exclusivity(unchecked) var value: Value
  @exclusivity(unchecked) var isLet: Bool
  @exclusivity(unchecked) var type: TypeRef?
  /// `self` inside an `init`: its `let` properties may be set.
  var isInitializing = false

  init(_ value: Value, isLet: Bool, type: TypeRef? = nil) {
    self.value = value
    self.isLet = isLet
    self.type = type
  }
}

/// Names visible at one level; closures keep their defining scope alive (capture by reference).
///
/// Identifier nodes cache their lookup (`Expr.cachedScope…`); a cache is valid while `epoch` has
/// not moved, and `epoch` moves whenever a name is defined in a scope that a cached lookup may
/// have passed through (`observed`: a lookup started here, or a scope was made inside it).
final class Scope {
  /// Moves on with every definition that may change a cached lookup (all sessions share it).
  static let epoch = Atomic<Int>(0)
  private static let serials = Atomic<Int>(0)

  /// A few names (calls, closures, loops, blocks) are kept in order and searched one by one: no
  /// hashing and no dictionary to make per call. The built-ins, the globals and any scope past
  /// `smallLimit` names use `table`.
  @exclusivity(unchecked) private var entries: [(name: String, box: Box)] = []
  @exclusivity(unchecked) private var table: [String: Box]?
  static let smallLimit = 8

  /// Every name of this scope (a copy; assigning replaces them all).
  var names: [String: Box] {
    get { table ?? Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.box) }) }
    set {
      table = newValue
      entries = []
      moved()
    }
  }
  let parent: Scope?
  /// Unique among all scopes ever made (identifier caches compare it).
  let serial: Int
  /// Whether a cached lookup started here or a scope was made inside this one.
  @exclusivity(unchecked) var observed = false
  /// A loop scope that serves every iteration: declaring a name again updates its variable.
  var reusesBoxes = false

  init(parent: Scope?) {
    self.parent = parent
    serial = Self.serials.wrappingAdd(1, ordering: .relaxed).newValue
    parent?.observed = true
    if parent?.parent == nil { table = [:] }  // the built-ins and the globals
  }

  /// The variable called `name` in this scope itself.
  @inline(__always)
  func local(_ name: String) -> Box? {
    if let table { return table[name] }
    for entry in entries where entry.name == name { return entry.box }
    return nil
  }

  /// Binds `name` to `box` in this scope (replacing a variable of that name).
  func set(_ name: String, _ box: Box) {
    defer { moved() }
    if table != nil {
      table![name] = box
    } else if let position = entries.firstIndex(where: { $0.name == name }) {
      entries[position].box = box
    } else if entries.count < Self.smallLimit {
      if entries.isEmpty { entries.reserveCapacity(4) }
      entries.append((name, box))
    } else {
      var grown = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.box) })
      grown[name] = box
      table = grown
      entries = []
    }
  }

  /// A definition here may change a cached lookup that passed through this scope.
  @inline(__always)
  private func moved() {
    if observed { Self.epoch.wrappingAdd(1, ordering: .relaxed) }
  }

  /// The nearest variable called `name`.
  func lookup(_ name: String) -> Box? {
    var scope: Scope? = self
    while let current = scope {
      if let box = current.local(name) { return box }
      scope = current.parent
    }
    return nil
  }

  /// The nearest variable called `name`, the scope that holds it and how many levels up that is.
  func locate(_ name: String) -> (box: Box, owner: Scope, hops: Int)? {
    var scope: Scope? = self
    var hops = 0
    while let current = scope {
      if let box = current.local(name) { return (box, current, hops) }
      scope = current.parent
      hops += 1
    }
    return nil
  }

  /// The scope `hops` levels up, if there is one.
  @inline(__always)
  func ancestor(_ hops: Int) -> Scope? {
    var scope = self
    for _ in 0..<hops {
      guard let parent = scope.parent else { return nil }
      scope = parent
    }
    return scope
  }

  /// Declares (or redeclares) a name in this scope.
  func define(_ name: String, _ value: Value, isLet: Bool, type: TypeRef? = nil) {
    if reusesBoxes, let box = local(name) {
      box.value = value
      box.isLet = isLet
      box.type = type
      return
    }
    set(name, Box(value, isLet: isLet, type: type))
  }

  /// Every name visible from here, nearest first.
  var allNames: [String: Box] {
    var result: [String: Box] = [:]
    var scope: Scope? = self
    while let current = scope {
      result.merge(current.names) { near, _ in near }
      scope = current.parent
    }
    return result
  }
}

/// A user function or closure with the scope it captured.
public final class Closure {
  let name: String
  let parameters: [ParameterDecl]
  let implicitCount: Int
  let body: [Stmt]
  let returnType: TypeRef?
  let scope: Scope
  let file: SourceFile
  /// Declared with `func` (labels apply) rather than a closure literal.
  let isFunction: Bool
  /// The user type whose method this is (`super` starts at its superclass).
  var owner: UserType?

  init(function decl: FunctionDecl, scope: Scope) {
    name = decl.name
    parameters = decl.parameters
    implicitCount = 0
    body = decl.body
    returnType = decl.returnType
    self.scope = scope
    file = decl.file
    isFunction = true
  }

  /// For `{ $0 op $1 }` (what an operator used as a function lowers to): the operator and its
  /// interned form, so a call applies it directly.
  private(set) var binaryOperator: (op: String, code: Opcode?)?

  init(closure decl: ClosureDecl, scope: Scope) {
    if decl.implicitCount == 2, decl.body.count == 1,
      case .expression(let expr) = decl.body[0].kind,
      case .binary(let op, let left, let right) = expr.kind, case .identifier("$0") = left.kind,
      case .identifier("$1") = right.kind, !["&&", "||", "??"].contains(op)
    {
      binaryOperator = (op, expr.opcode)
    }
    name = "closure"
    parameters = decl.parameters
    implicitCount = decl.implicitCount
    body = decl.body
    returnType = nil
    self.scope = scope
    file = decl.file
    isFunction = false
  }

  /// `area(width:height:)` (made once: every call records it in the call chain).
  lazy var signatureName: String = {
    guard isFunction else { return "closure" }
    return "\(name)(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
  }()

  /// A function whose arguments bind one to one: no defaults, no variadic parameter.
  lazy var bindsPlainly: Bool =
    isFunction && parameters.allSatisfy { $0.defaultValue == nil && !$0.variadic }

  /// `func area(width w: Double, height: Double = 1) -> Double`.
  var signature: String {
    let list = parameters.map { parameter -> String in
      var text =
        parameter.label == parameter.name
        ? parameter.name : "\(parameter.label ?? "_") \(parameter.name)"
      text += ": " + (parameter.type?.description ?? "Any")
      return text + (parameter.variadic ? "..." : "")
    }
    return "func \(name)(\(list.joined(separator: ", ")))" + (returnType.map { " -> \($0)" } ?? "")
  }
}

/// An error that stops the cell, carrying its diagnostic.
struct RuntimeError: Error {
  var diagnostic: Diagnostic
  /// The value of a `throw` (caught by `do`/`catch`, `try?`); nil for the language's own errors.
  var thrown: Value?
}

/// How a statement ended.
enum Flow {
  case normal
  case breakLoop
  case continueLoop
  case returnValue(Value)
  /// `fallthrough` in a `switch` case.
  case fallthroughCase
  /// `break name` / `continue name`, on its way out to the statement labelled `name`.
  case breakLabel(String)
  case continueLabel(String)

  /// What a loop labelled `label` (nil: none) does once its body ended this way: nil to go on
  /// with the next iteration, else the flow the loop itself ends with.
  @inline(__always)
  func afterLoopBody(label: String?) -> Flow? {
    switch self {
    case .normal, .continueLoop, .fallthroughCase: return nil
    case .breakLoop: return .normal
    case .returnValue: return self
    case .continueLabel(let name): return name == label ? nil : self
    case .breakLabel(let name): return name == label ? .normal : self
    }
  }
}
