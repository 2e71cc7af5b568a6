/// A binding pattern: a name, `_`, or a tuple of patterns.
indirect enum Pattern {
  case name(String, Span)
  case wildcard
  case tuple([Pattern])

  /// Every name the pattern binds.
  var names: [String] {
    switch self {
    case .name(let name, _): return [name]
    case .wildcard: return []
    case .tuple(let elements): return elements.flatMap(\.names)
    }
  }
}

/// One clause of an `if`, `guard` or `while` condition list.
enum Condition {
  case expression(Expr)
  /// `if let x = optional` / `if var x = optional` (`if let x` alone: shorthand).
  case optionalBinding(name: String, span: Span, value: Expr)
  /// `if case pattern = value` (also `guard case`, and `for case` lowered to it).
  case casePattern(CasePattern, Expr)
}

/// A pattern of `switch`, `if case` and `catch`: matched against a value, binding names.
indirect enum CasePattern {
  case wildcard
  /// `let x` (or a name inside `let (…)`, `.some(let x)`).
  case binding(String, Span)
  /// A value matched with `~=`: equal, or a range that contains it.
  case expression(Expr)
  case tuple([CasePattern])
  /// `.north`, `.circle(let r)`, `Shape.circle(radius: let r)`; payload labels are ignored.
  case enumCase(name: String, span: Span, payload: [CasePattern]?)
  /// `x?`: a value that is not nil.
  case some(CasePattern)
  /// `is T`.
  case isType(TypeRef)
  /// `let x as T`.
  case cast(CasePattern, TypeRef)

  /// Every name the pattern binds, in order.
  var names: [String] {
    switch self {
    case .wildcard, .expression, .isType: return []
    case .binding(let name, _): return [name]
    case .tuple(let elements): return elements.flatMap(\.names)
    case .enumCase(_, _, let payload): return payload?.flatMap(\.names) ?? []
    case .some(let inner), .cast(let inner, _): return inner.names
    }
  }
}

/// One `case` of a `switch` (several patterns, each with its `where`), or `default`.
struct SwitchCase {
  var patterns: [(pattern: CasePattern, guard: Expr?)]
  var isDefault: Bool
  var body: [Stmt]
  var span: Span
}

/// One `catch` clause: an optional pattern (`let e as E`, `E.bad`) and `where`.
struct CatchClause {
  var pattern: CasePattern?
  var guardExpr: Expr?
  var body: [Stmt]
  var span: Span
}

/// A statement node with its span; `suppressesDisplay` when it ended in `;`.
final class Stmt {
  enum Kind {
    case expression(Expr)
    case binding(isLet: Bool, pattern: Pattern, type: TypeRef?, value: Expr?)
    case assignment(target: Expr, op: String, value: Expr)
    case ifElse(conditions: [Condition], then: [Stmt], otherwise: [Stmt]?)
    case guardElse(conditions: [Condition], otherwise: [Stmt])
    case forIn(pattern: Pattern, sequence: Expr, filter: Expr?, body: [Stmt])
    case whileLoop(conditions: [Condition], body: [Stmt])
    case repeatWhile(body: [Stmt], condition: Expr)
    case breakLoop
    case continueLoop
    /// `break name` / `continue name`: leaves (or goes on with) the statement labelled `name`.
    case breakLabel(String)
    case continueLabel(String)
    /// `name: for …`, `name: while …`, `name: switch …`, `name: if …`, `name: do …`.
    case labeled(label: String, body: Stmt)
    /// `defer { body }` and the statements after it in its block (`rest`): runs `rest`, then
    /// `body` however `rest` ends (normally, by `return`/`break`, or by an error).
    case deferred(body: [Stmt], rest: [Stmt])
    case returnValue(Expr?)
    case function(FunctionDecl)
    /// `struct`, `class`, `enum`, `protocol`, `extension`.
    case typeDecl(TypeDecl)
    case switchOf(subject: Expr, cases: [SwitchCase])
    case fallthroughCase
    case throwError(Expr)
    case doCatch(body: [Stmt], catches: [CatchClause])
    case importModule(String)
    /// `%name argument`; `%time` and `%timeit` carry the statements of their line.
    case magic(name: String, argument: String, body: [Stmt])
    case invalid
  }

  let kind: Kind
  let span: Span
  var suppressesDisplay = false
  /// Set by the resolver: a loop whose body makes no closure or function, so one scope serves
  /// every iteration (nothing can keep an iteration's variables).
  var reusesLoopScope = false
  /// Set by the resolver: an `if` whose conditions and blocks declare nothing runs its blocks in
  /// the enclosing scope.
  var needsBlockScope = true

  /// An assignment's operator without its `=`, interned (`+=` → `.add`; nil for `=` and others).
  let compoundOpcode: Opcode?

  init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
    if case .assignment(_, let op, _) = kind, op.count > 1, op.hasSuffix("=") {
      compoundOpcode = Opcode(String(op.dropLast()))
    } else {
      compoundOpcode = nil
    }
  }
}
