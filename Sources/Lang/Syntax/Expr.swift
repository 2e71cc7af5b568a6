/// An expression node: what it is and the exact source span it covers.
final class Expr {
  /// One labelled argument of a call or subscript (`label: value`, label nil when absent).
  struct Argument {
    var label: String?
    var labelSpan: Span?
    var value: Expr
  }

  /// One piece of an interpolated string.
  enum Segment {
    case text(String)
    case expression(Expr)
  }

  enum Kind {
    case literal(Value)
    case interpolated([Segment])
    case identifier(String)
    case array([Expr])
    case dictionary([(key: Expr, value: Expr)])
    /// Two or more parenthesised elements.
    case tuple([Expr])
    case closure(ClosureDecl)
    case prefix(op: String, Expr)
    case binary(op: String, Expr, Expr)
    case ternary(Expr, Expr, Expr)
    /// `a..<b`, `a...b`, `a...`, `..<b`, `...` (both nil: everything, for slices).
    case range(lower: Expr?, closed: Bool, upper: Expr?)
    case call(callee: Expr, arguments: [Argument], trailing: ClosureDecl?)
    case member(Expr, name: String, nameSpan: Span)
    case tupleElement(Expr, index: Int)
    case implicitMember(String)
    case subscriptAccess(Expr, [Argument])
    case forceUnwrap(Expr)
    case optionalMember(Expr, name: String, nameSpan: Span)
    /// `super.name` in a class's method.
    case superMember(name: String, nameSpan: Span)
    /// `x is T`.
    case typeCheck(Expr, TypeRef)
    /// `x as T`, `x as? T`, `x as! T` (mode `as`, `as?`, `as!`).
    case typeCast(Expr, TypeRef, mode: String)
    /// `try x`, `try? x`, `try! x` (mode `try`, `try?`, `try!`).
    case tryExpr(Expr, mode: String)
    /// Stands for something that did not parse; evaluation never reaches it.
    case invalid
  }

  /// The resolver rewrites a member named without `self.` inside a type into `self.name`.
  @exclusivity(unchecked) var kind: Kind
  let span: Span
  /// A binary node's operator, interned (nil for other nodes and operators without a fast path).
  let opcode: Opcode?
  /// An identifier's last lookup: the `serial` of the scope it started from, the variable found,
  /// and the `Scope.epoch` then (a definition that could shadow it moves the epoch on). The box is
  /// only read when that scope is the current one and the epoch has not moved, so it is alive.
  @exclusivity(unchecked) var cachedSerial = -1
  @exclusivity(unchecked) var cachedEpoch = -1
  @exclusivity(unchecked) unowned(unsafe) var cachedBox: Box?
  /// The same lookup by position, for a new scope at the same place (a new call or loop scope):
  /// the variable was found `cachedHops` scopes up, in the scope with serial `cachedOwnerSerial`.
  /// Valid while that scope is still that many levels up and the epoch has not moved (a name
  /// declared in a scope between would be a different declaration, which the resolver rules out).
  @exclusivity(unchecked) var cachedHops = -1
  @exclusivity(unchecked) var cachedOwnerSerial = -1
  @exclusivity(unchecked) var cachedOwnerEpoch = -1
  @exclusivity(unchecked) unowned(unsafe) var cachedOwnerBox: Box?
  /// A member node's stored-property index in the last struct type it read or assigned
  /// (`Interpreter.storedField`), by the type's `definition` number (a redefined type misses).
  @exclusivity(unchecked) var cachedFieldDefinition = 0
  @exclusivity(unchecked) var cachedFieldIndex = -1

  init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
    if case .binary(let op, _, _) = kind { opcode = Opcode(op) } else { opcode = nil }
  }
}

/// A parameter of a function or closure declaration.
struct ParameterDecl {
  /// The argument label; nil for `_` (and for closure parameters).
  var label: String?
  var name: String
  var type: TypeRef?
  var defaultValue: Expr?
  var variadic = false
  var span: Span
}

/// `func name(params) -> T { body }`, remembered with the file that declares it.
final class FunctionDecl {
  let name: String
  let parameters: [ParameterDecl]
  let returnType: TypeRef?
  let body: [Stmt]
  let span: Span
  let file: SourceFile

  init(
    name: String, parameters: [ParameterDecl], returnType: TypeRef?, body: [Stmt], span: Span,
    file: SourceFile
  ) {
    self.name = name
    self.parameters = parameters
    self.returnType = returnType
    self.body = body
    self.span = span
    self.file = file
  }

  /// `name(_:label:)`, Swift's way to name a function.
  var signatureName: String {
    "\(name)(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
  }
}

/// `{ params in body }` or `{ $0 + 1 }`.
final class ClosureDecl {
  let parameters: [ParameterDecl]
  /// For `$n` closures: the highest n plus one.
  let implicitCount: Int
  let body: [Stmt]
  let span: Span
  let file: SourceFile

  init(parameters: [ParameterDecl], implicitCount: Int, body: [Stmt], span: Span, file: SourceFile)
  {
    self.parameters = parameters
    self.implicitCount = implicitCount
    self.body = body
    self.span = span
    self.file = file
  }
}

/// A written type: `Int`, `[Double]`, `[String: Int]`, `Tensor?`, `(Int, Int)`, `(Int) -> Int`.
indirect enum TypeRef: CustomStringConvertible {
  case named(String)
  case array(TypeRef)
  case dictionary(TypeRef, TypeRef)
  case optional(TypeRef)
  case tuple([TypeRef])
  case function([TypeRef], TypeRef)

  var description: String {
    switch self {
    case .named(let name): return name
    case .array(let element): return "[\(element)]"
    case .dictionary(let key, let value): return "[\(key): \(value)]"
    case .optional(let wrapped): return "\(wrapped)?"
    case .tuple(let elements):
      return "(" + elements.map(\.description).joined(separator: ", ") + ")"
    case .function(let parameters, let result):
      return "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
    }
  }
}
