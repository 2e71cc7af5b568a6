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
    case returnValue(Expr?)
    case function(FunctionDecl)
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

  init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}
