/// Expressions: names read, closures (a boundary: captures before a declaration are errors), and
/// assignment targets (`let` constants).
extension Resolver {
  // size-budget: one case per expression kind, each a line; the dispatch reads best whole.
  func resolve(_ expr: Expr) {
    switch expr.kind {
    case .literal, .implicitMember, .invalid:
      break
    case .identifier(let name):
      if !typeContexts.isEmpty, rewriteImplicitSelf(expr, name) { return }
      use(name, expr.span)
    case .superMember:
      break
    case .typeCheck(let inner, _), .typeCast(let inner, _, _), .tryExpr(let inner, _):
      resolve(inner)
    case .interpolated(let segments):
      for case .expression(let inner) in segments { resolve(inner) }
    case .array(let elements), .tuple(let elements):
      for element in elements { resolve(element) }
    case .dictionary(let pairs):
      for pair in pairs {
        resolve(pair.key)
        resolve(pair.value)
      }
    case .closure(let decl):
      resolveClosure(decl)
    case .prefix(_, let operand):
      resolve(operand)
    case .binary(_, let left, let right):
      resolve(left)
      resolve(right)
    case .ternary(let condition, let then, let otherwise):
      resolve(condition)
      resolve(then)
      resolve(otherwise)
    case .range(let lower, _, let upper):
      if let lower { resolve(lower) }
      if let upper { resolve(upper) }
    case .call(let callee, let arguments, let trailing):
      resolve(callee)
      for argument in arguments { resolve(argument.value) }
      if let trailing { resolveClosure(trailing) }
    case .member(let base, _, _), .optionalMember(let base, _, _), .tupleElement(let base, _),
      .forceUnwrap(let base):
      resolve(base)
    case .subscriptAccess(let base, let arguments):
      resolve(base)
      for argument in arguments { resolve(argument.value) }
    }
  }

  /// A closure's body in a block of its own: its parameters (or `$0`, `$1`, …) are `let`s.
  func resolveClosure(_ decl: ClosureDecl) {
    markCapture()
    let savedLoops = loopDepth, savedLabels = labels
    (loopDepth, labels) = (0, [])
    defer { (loopDepth, labels) = (savedLoops, savedLabels) }
    let names =
      decl.implicitCount > 0
      ? (0..<decl.implicitCount).map { "$\($0)" } : decl.parameters.map(\.name)
    resolveBlock(decl.body, boundary: .closure) { block in
      // Not `let`s here: `reduce(into:)` passes `$0` inout; the run time checks the others.
      for name in names {
        block.names[name] = Binding(isLet: false, isFunction: false, declared: true)
      }
    }
  }

  /// An assignment target: its indices are read; a plain name must be a declared `var`.
  func resolveTarget(_ target: Expr) {
    if case .tuple(let elements) = target.kind { return elements.forEach(resolveTarget) }
    guard case .identifier(let name) = target.kind else { return resolve(target) }
    guard name != "_" else { return }
    if !typeContexts.isEmpty, rewriteImplicitSelf(target, name) { return }
    switch lookup(name, target.span) {
    case .local(let binding) where binding.isLet:
      report(.assignToConstant(name), target.span)
    case .global(isLet: true):
      report(.assignToConstant(name), target.span)
    case .missing:
      report(.undefinedName(name, suggestion: suggestion(for: name)), target.span)
    default:
      break
    }
  }
}
