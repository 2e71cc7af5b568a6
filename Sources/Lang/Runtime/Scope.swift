import Synchronization

/// A variable: its value, whether it is a `let`, and its declared type (checked on assignment).
final class Box {
  var value: Value
  var isLet: Bool
  var type: TypeRef?
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

  var names: [String: Box] = [:] {
    didSet { if observed { Self.epoch.wrappingAdd(1, ordering: .relaxed) } }
  }
  let parent: Scope?
  /// Unique among all scopes ever made (identifier caches compare it).
  let serial: Int
  /// Whether a cached lookup started here or a scope was made inside this one.
  var observed = false
  /// A loop scope that serves every iteration: declaring a name again updates its variable.
  var reusesBoxes = false

  init(parent: Scope?) {
    self.parent = parent
    serial = Self.serials.wrappingAdd(1, ordering: .relaxed).newValue
    parent?.observed = true
  }

  /// The nearest variable called `name`.
  func lookup(_ name: String) -> Box? {
    var scope: Scope? = self
    while let current = scope {
      if let box = current.names[name] { return box }
      scope = current.parent
    }
    return nil
  }

  /// Declares (or redeclares) a name in this scope.
  func define(_ name: String, _ value: Value, isLet: Bool, type: TypeRef? = nil) {
    if reusesBoxes, let box = names[name] {
      box.value = value
      box.isLet = isLet
      box.type = type
      return
    }
    names[name] = Box(value, isLet: isLet, type: type)
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
    if decl.implicitCount == 2, decl.body.count == 1, case .expression(let expr) = decl.body[0].kind,
       case .binary(let op, let left, let right) = expr.kind, case .identifier("$0") = left.kind,
       case .identifier("$1") = right.kind, !["&&", "||", "??"].contains(op) {
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
  lazy var bindsPlainly: Bool = isFunction && parameters.allSatisfy { $0.defaultValue == nil && !$0.variadic }

  /// `func area(width w: Double, height: Double = 1) -> Double`.
  var signature: String {
    let list = parameters.map { parameter -> String in
      var text = parameter.label == parameter.name ? parameter.name : "\(parameter.label ?? "_") \(parameter.name)"
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
}
