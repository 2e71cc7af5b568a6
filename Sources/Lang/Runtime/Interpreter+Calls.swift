/// Calls: argument binding by Swift's label rules, user functions with a depth limit and a call
/// chain for errors, natives, callable host objects, methods, and builder blocks.
extension Interpreter {
  typealias ArgumentList = [(label: String?, value: Value)]

  /// Label given to a trailing closure: it matches whichever parameter is next.
  static let trailingLabel = "\u{0}trailing"

  func evaluateCall(
    _ callee: Expr, _ arguments: [Expr.Argument], _ trailing: ClosureDecl?, _ span: Span,
    in scope: Scope
  ) throws -> Value {
    if case .member(let base, let name, _) = callee.kind, Self.mutatingMethods.contains(name),
      let result = try callMutating(base, name, arguments, trailing, span, in: scope)
    {
      return result
    }
    if !userMutatingNames.isEmpty, case .member(let base, let name, _) = callee.kind,
      userMutatingNames.contains(name),
      let result = try callUserMutating(base, name, arguments, trailing, span, in: scope)
    {
      return result
    }
    if case .optionalMember(let base, let name, _) = callee.kind,
      let result = try callMutatingIfPresent(base, name, arguments, trailing, span, in: scope)
    {
      return result
    }
    if case .superMember(let name, let nameSpan) = callee.kind {
      let values: ArgumentList = try arguments.map { ($0.label, try evaluate($0.value, in: scope)) }
      return try callSuper(name, values, nameSpan, span, in: scope)
    }
    var values: ArgumentList = try arguments.map { ($0.label, try evaluate($0.value, in: scope)) }
    if case .member(let base, let name, let nameSpan) = callee.kind {
      let receiver = try evaluate(base, in: scope)
      if let trailing {
        values.append((Self.trailingLabel, try trailingValue(trailing, nil, in: scope)))
      }
      return try callMethod(receiver, name, values, nameSpan, span)
    }
    let function = try evaluate(callee, in: scope)
    if let trailing {
      values.append((Self.trailingLabel, try trailingValue(trailing, function, in: scope)))
    }
    return try callValue(function, values, span)
  }

  /// A trailing closure's value: for a builder native, the values its statements produce.
  private func trailingValue(_ decl: ClosureDecl, _ function: Value?, in scope: Scope) throws
    -> Value
  {
    guard case .native(let native)? = function, native.isBuilder else {
      return .closure(Closure(closure: decl, scope: scope))
    }
    let saved = builder
    let collector = BuilderCollector()
    builder = collector
    defer { builder = saved }
    _ = try execute(decl.body, in: Scope(parent: scope))
    return .array(collector.values)
  }

  /// Calls any callable value.
  func callValue(_ function: Value, _ arguments: ArgumentList, _ span: Span = Span(0, 0)) throws
    -> Value
  {
    switch function {
    case .native(let overloaded):
      let (native, values) = try bindOverload(overloaded, arguments, span)
      let bound = Arguments(
        function: native.name, values: values, names: native.parameters.map(\.name),
        context: context)
      let saved = builder
      builder = nil
      defer { builder = saved }
      return try host(span) { try native.body(bound) }
    case .closure(let closure):
      return try callClosure(closure, arguments, span)
    case .host(let object):
      let plain = arguments.map {
        (label: $0.label == Self.trailingLabel ? nil : $0.label, value: $0.value)
      }
      if let result = try host(span, { try object.call(arguments: plain, context: context) }) {
        return result
      }
      throw error(.notCallable(object.typeName), span)
    case .array(let elements) where elements.count == 1:
      return try callArrayType(elements[0], arguments, span)
    case .type(let type):
      return try construct(type, arguments, span)
    case .instance, .object:
      if let result = try callUserMethod(function, "callAsFunction", arguments, span) {
        return result
      }
      throw error(.notCallable(function.typeName), span)
    case .implicitMember(let name):
      return try implicitCase(name, arguments, span)
    default:
      throw error(.notCallable(function.typeName), span)
    }
  }

  /// Calls `function` with `first` as an `inout` first argument (`reduce(into:)`'s `{ $0 += $1 }`).
  func callUpdating(_ function: Value, _ first: inout Value, _ rest: [Value], _ span: Span) throws {
    guard case .closure(let closure) = function, !closure.isFunction else {
      throw error(
        .wrongType(
          "reduce(into:_:)", expected: "a closure that updates $0", got: function.typeName), span)
    }
    _ = try callClosure(closure, [(nil, first)] + rest.map { (nil, $0) }, span, updating: &first)
  }

  /// `path?.append(x)`, `counts["a"]?.removeLast()`: nil when the path holds nil, else the
  /// mutating call on the stored value (nil when `name` is not a mutating method there).
  private func callMutatingIfPresent(
    _ base: Expr, _ name: String, _ arguments: [Expr.Argument], _ trailing: ClosureDecl?,
    _ span: Span, in scope: Scope
  ) throws -> Value? {
    let builtin = Self.mutatingMethods.contains(name), user = userMutatingNames.contains(name)
    guard builtin || user, isPath(base) else { return nil }
    if try evaluate(base, in: scope).isNil { return .null }
    if builtin, let result = try callMutating(base, name, arguments, trailing, span, in: scope) {
      return result
    }
    guard user else { return nil }
    return try callUserMutating(base, name, arguments, trailing, span, in: scope)
  }

  func callClosure(
    _ closure: Closure, _ arguments: ArgumentList, _ span: Span,
    updating first: UnsafeMutablePointer<Value>? = nil, receiver: Box? = nil
  ) throws -> Value {
    if first == nil, let (op, code) = closure.binaryOperator, arguments.count == 2 {
      try tick(span)
      let (lhs, rhs) = (arguments[0].value, arguments[1].value)
      if let code {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): if let result = code.apply(a, b) { return result }
        case (.double(let a), .double(let b)): return code.apply(a, b)
        default: break
        }
      }
      return try binary(op, lhs, rhs, span)
    }
    guard callDepth < Self.maximumCallDepth else {
      throw error(.recursionTooDeep(Self.maximumCallDepth), span)
    }
    try tick(span)
    let scope = Scope(parent: closure.scope)
    if let receiver {
      if receiver.type == nil, !receiver.isLet, let owner = closure.owner, owner.kind == .enumType {
        receiver.type = .named(owner.name)  // `self = .green` converts to the enum's case
      }
      scope.set("self", receiver)
      if let parent = closure.owner?.superclass {
        scope.set("$super", Box(.type(parent), isLet: true))
      }
    }
    try bindClosureArguments(closure, arguments, span, into: scope, updatesFirst: first != nil)
    let savedFile = file
    let savedBuilder = builder
    callStack.append(CallSite(file: file, span: span, function: closure.signatureName))
    callDepth += 1
    file = closure.file
    builder = nil
    defer {
      file = savedFile
      builder = savedBuilder
      callDepth -= 1
      callStack.removeLast()
    }
    let result = try runBody(closure, in: scope)
    if let first, let name = closure.implicitCount > 0 ? "$0" : closure.parameters.first?.name,
      let box = scope.lookup(name)
    {
      first.pointee = box.value
    }
    guard let returnType = closure.returnType else { return result }
    return try returned(result, as: returnType, by: closure, span)
  }

  /// `result` converted to the closure's declared return type, or the error naming the mismatch
  /// (a missing return when the body produced no value).
  private func returned(_ result: Value, as returnType: TypeRef, by closure: Closure, _ span: Span)
    throws -> Value
  {
    guard let checked = conform(result, to: returnType) else {
      if isVoid(result) {
        throw error(.missingReturn(closure.signatureName), closure.body.last?.span ?? span)
      }
      throw error(
        .typeAnnotationMismatch(returnType.description, result.typeName),
        closure.body.last?.span ?? span)
    }
    return checked
  }

  /// A body that is one expression returns its value (Swift's implicit return).
  private func runBody(_ closure: Closure, in scope: Scope) throws -> Value {
    if closure.body.count == 1, case .expression(let expr) = closure.body[0].kind {
      return try evaluate(expr, in: scope)
    }
    switch try execute(closure.body, in: scope) {
    case .returnValue(let value): return value
    case .normal: return .void
    case .breakLoop, .continueLoop, .fallthroughCase, .breakLabel, .continueLabel:
      throw error(.breakOutsideLoop("break"), closure.body.last?.span ?? Span(0, 0))
    }
  }

  /// `$0`, `$1`, … made once.
  static let implicitNames = (0..<64).map { "$\($0)" }

  /// Whether each argument matches its parameter's label in order (the usual call).
  private func bindsPlainly(_ closure: Closure, _ arguments: ArgumentList) -> Bool {
    guard closure.bindsPlainly, arguments.count == closure.parameters.count else { return false }
    for (argument, parameter) in zip(arguments, closure.parameters)
    where argument.label != parameter.label {
      return false
    }
    return true
  }

  private func bindClosureArguments(
    _ closure: Closure, _ arguments: ArgumentList, _ span: Span, into scope: Scope,
    updatesFirst: Bool = false
  ) throws {
    if closure.isFunction {
      if bindsPlainly(closure, arguments) {  // without building an array of values
        for (parameter, argument) in zip(closure.parameters, arguments) {
          try bindParameter(parameter, argument.value, of: closure, span, into: scope)
        }
        return
      }
      let values = try bindArguments(
        closure.parameters.map(BindingParameter.init), arguments, closure.signatureName, span,
        scope: closure.scope,
        signature: closure.signature)
      for (parameter, value) in zip(closure.parameters, values) {
        try bindParameter(parameter, value, of: closure, span, into: scope)
      }
      return
    }
    let implicit = closure.implicitCount
    let count = implicit > 0 ? implicit : closure.parameters.count
    func name(_ position: Int) -> String {
      guard implicit > 0 else { return closure.parameters[position].name }
      return position < Self.implicitNames.count ? Self.implicitNames[position] : "$\(position)"
    }
    if arguments.count == 1, count > 1, case .tuple(let parts) = arguments[0].value,
      parts.count == count
    {
      for (position, part) in parts.enumerated() {
        scope.define(name(position), part, isLet: !updatesFirst || position != 0)
      }
      return
    }
    if count == 0 && arguments.count == 1 && implicit == 0 { return }
    guard arguments.count == count else {
      throw error(.argumentCount("the closure", expected: count, got: arguments.count), span)
    }
    for (position, argument) in arguments.enumerated() {
      scope.define(name(position), argument.value, isLet: !updatesFirst || position != 0)
    }
  }

  /// Binds one parameter of a `func`, converting to (and checking) its declared type.
  private func bindParameter(
    _ parameter: ParameterDecl, _ value: Value, of closure: Closure, _ span: Span,
    into scope: Scope
  ) throws {
    var value = value
    if let type = parameter.type, !parameter.variadic {
      guard let checked = conform(value, to: type) else {
        throw error(
          .wrongType(
            "argument '\(parameter.name)' of \(closure.signatureName)", expected: type.description,
            got: value.typeName), span)
      }
      value = checked
    }
    scope.define(parameter.name, value, isLet: true)
  }

  /// What binding needs to know of a parameter (natives and user functions alike).
  struct BindingParameter {
    var label: String?
    var name: String
    var defaultValue: Value?
    var defaultExpr: Expr?
    var variadic: Bool

    init(_ parameter: Parameter) {
      label = parameter.label
      name = parameter.name
      defaultValue = parameter.defaultValue
      variadic = parameter.isVariadic
    }

    init(_ parameter: ParameterDecl) {
      label = parameter.label
      name = parameter.name
      defaultExpr = parameter.defaultValue
      variadic = parameter.variadic
    }

    var hasDefault: Bool { defaultValue != nil || defaultExpr != nil }
  }

  /// Matches arguments to parameters in order: labels must match, defaulted parameters may be
  /// skipped, a variadic one takes a run of values, a trailing closure fills the next parameter.
  func bindArguments(
    _ parameters: [BindingParameter], _ arguments: ArgumentList, _ function: String, _ span: Span,
    scope: Scope? = nil, signature: @autoclosure () -> String? = nil
  ) throws -> [Value] {
    var values: [Value] = []
    var next = 0
    func matches(_ position: Int, _ parameter: BindingParameter, isLast: Bool) -> Bool {
      guard position < arguments.count else { return false }
      if arguments[position].label == Self.trailingLabel { return !parameter.hasDefault || isLast }
      return arguments[position].label == parameter.label
    }
    for (index, parameter) in parameters.enumerated() {
      let isLast = index == parameters.count - 1
      if parameter.variadic {
        var run: [Value] = []
        while matches(next, parameter, isLast: isLast)
          || (!run.isEmpty && next < arguments.count && arguments[next].label == nil)
        {
          run.append(arguments[next].value)
          next += 1
        }
        values.append(.array(run))
      } else if matches(next, parameter, isLast: isLast) {
        values.append(arguments[next].value)
        next += 1
      } else if let value = parameter.defaultValue {
        values.append(value)
      } else if let expr = parameter.defaultExpr {
        values.append(try evaluate(expr, in: scope ?? globals))
      } else if next < arguments.count {
        let got = arguments[next].label.map { $0 == Self.trailingLabel ? "{ … }" : $0 } ?? "_"
        throw error(
          .labelMismatch(
            function, expected: parameter.label ?? "_", got: got, signature: signature()), span)
      } else {
        throw error(
          .missingArgument(function, parameter.label ?? parameter.name, signature: signature()),
          span)
      }
    }
    if next < arguments.count {
      throw error(.extraArgument(function, signature: signature()), span)
    }
    return values
  }
}

extension CallContext {
  /// Binds raw method arguments to parameters (for `HostObject.callMethod`), as calls of natives do.
  public func bind(
    _ arguments: [(label: String?, value: Value)], to parameters: [Parameter],
    function: String
  ) throws -> Arguments {
    do {
      let values = try interpreter.bindArguments(
        parameters.map(Interpreter.BindingParameter.init), arguments,
        function, Span(0, 0))
      return Arguments(
        function: function, values: values, names: parameters.map(\.name), context: self)
    } catch let failure as RuntimeError {
      throw HostError(failure.diagnostic.message.kind, failure.diagnostic.message.text)
    }
  }
}
