/// A method of a built-in type (String, Array, Dictionary, Set, numbers): Swift's labelled
/// parameters, one line of documentation, and the body.
///
/// A name may have several overloads (`sorted()`, `sorted(by:)`); a call takes the first whose
/// labels bind (`Interpreter.bindArguments`, Swift's rules), so a wrong label is an error naming
/// the type and the signatures, never a silently ignored argument. A mutating body changes its
/// receiver in place; the others get a copy they leave alone.
struct BuiltinMethod: @unchecked Sendable {  // immutable; bodies capture nothing mutable
  typealias Body = (inout Value, MethodCall) throws -> Value

  let name: String
  let parameters: [Parameter]
  let returns: String?
  let doc: String
  let isMutating: Bool
  let body: Body

  init(
    _ name: String, _ parameters: [Parameter] = [], returns: String? = nil, mutating: Bool = false,
    _ doc: String, body: @escaping Body
  ) {
    self.name = name
    self.parameters = parameters
    self.returns = returns
    self.doc = doc
    self.isMutating = mutating
    self.body = body
  }

  /// `sorted(by:)`, Swift's way to name it.
  var signatureName: String {
    name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
  }

  /// The full signature: `split(separator: String) -> [String]`.
  var signature: String {
    "\(name)(" + parameters.map(\.signatureText).joined(separator: ", ") + ")"
      + (returns.map { " -> \($0)" } ?? "")
  }

  /// What completion and inspection show.
  var member: Member { .method(name, parameters, returns: returns, doc: doc) }
}

/// Parameters in short: `P.plain("x")` is `_ x: Any`, `P.label("by")` is `by: Any`.
enum P {
  static func plain(_ name: String, _ type: String = "Any") -> Parameter {
    Parameter(name: name, type: type)
  }
  static func label(_ label: String, _ type: String = "Any", name: String? = nil) -> Parameter {
    Parameter(label: label, name: name ?? label, type: type)
  }
  static func optional(_ label: String?, _ name: String, _ type: String, _ value: Value)
    -> Parameter
  {
    Parameter(label: label, name: name, type: type, default: value)
  }
}

/// One call of a built-in method: its bound arguments and ways back into the interpreter.
struct MethodCall {
  let interpreter: Interpreter
  let span: Span
  let arguments: Arguments
  /// `Array.sorted(by:)`, for messages.
  let function: String

  /// The argument bound to the parameter at `index`.
  subscript(index: Int) -> Value { arguments[index] }

  /// Calls a closure (or native) argument with unlabelled values.
  func call(_ function: Value, _ values: Value...) throws -> Value {
    try interpreter.callValue(function, values.map { (nil, $0) }, span)
  }

  /// Calls a predicate; its result must be a Bool.
  func test(_ function: Value, _ values: Value...) throws -> Bool {
    let result = try interpreter.callValue(function, values.map { (nil, $0) }, span)
    guard case .bool(let flag) = result else {
      throw fail(
        .wrongType("the closure of \(self.function)", expected: "Bool", got: result.typeName))
    }
    return flag
  }

  /// Swift's `<` on two values (numbers, strings, arrays of them).
  func less(_ a: Value, _ b: Value) throws -> Bool {
    guard case .bool(let result) = try interpreter.binary("<", a, b, span) else { return false }
    return result
  }

  /// Values equal as `==` has them.
  func equal(_ a: Value, _ b: Value) -> Bool { interpreter.equal(a, b) }

  /// The argument at `index` as an Int; a TypeError otherwise.
  func int(_ index: Int) throws -> Int {
    guard let number = self[index].intValue else {
      throw fail(
        .wrongType("\(function) argument \(index + 1)", expected: "Int", got: self[index].typeName))
    }
    return number
  }

  /// The argument at `index` as a count: 0 ≤ n ≤ `limit` (collections stay allocatable).
  func count(_ index: Int, limit: Int = 10_000_000) throws -> Int {
    let number = try int(index)
    guard number >= 0, number <= limit else {
      throw fail(.invalidConversion("\(number)", "a count for \(function) (0...\(limit))"))
    }
    return number
  }

  /// The argument at `index` as a String; a TypeError otherwise.
  func string(_ index: Int) throws -> String {
    guard let text = self[index].stringValue else {
      throw fail(
        .wrongType(
          "\(function) argument \(index + 1)", expected: "String", got: self[index].typeName))
    }
    return text
  }

  /// The argument at `index` as a sequence's elements (arrays, ranges, strings, sets).
  func elements(_ index: Int) throws -> [Value] {
    guard let elements = BuiltinMembers.elements(of: self[index]) else {
      throw fail(
        .wrongType(
          "\(function) argument \(index + 1)", expected: "a sequence", got: self[index].typeName))
    }
    return elements
  }

  /// An error at the call (bound methods called later report it where they are called).
  func fail(_ message: DiagnosticMessage) -> HostError { CoreBuiltins.fail(message) }
}

extension BuiltinMethod {
  /// With a trailing closure, the overloads whose last parameter is a function come first, so
  /// `xs.contains { $0 > 2 }` is `contains(where:)`, as in Swift, not `contains(_:)`.
  static func preferringClosures(
    _ overloads: [BuiltinMethod], _ arguments: Interpreter.ArgumentList
  ) -> [BuiltinMethod] {
    guard overloads.count > 1, arguments.last?.label == Interpreter.trailingLabel else {
      return overloads
    }
    let takesClosure = { (method: BuiltinMethod) in
      method.parameters.last?.type?.contains("->") ?? false
    }
    return overloads.filter(takesClosure) + overloads.filter { !takesClosure($0) }
  }

  /// Runs the overload of `overloads` whose labels match `arguments`.
  static func invoke(
    _ overloads: [BuiltinMethod], on receiver: inout Value, typeName: String,
    _ arguments: Interpreter.ArgumentList, _ interpreter: Interpreter, _ span: Span
  ) throws -> Value {
    var firstFailure: Error?
    for method in preferringClosures(overloads, arguments) {
      let function = "\(typeName).\(method.signatureName)"
      let values: [Value]
      do {
        values = try interpreter.bindArguments(
          method.parameters.map(Interpreter.BindingParameter.init), arguments,
          function, span, signature: "\(typeName).\(method.signature)")
      } catch {
        firstFailure = firstFailure ?? error
        continue
      }
      let bound = Arguments(
        function: function, values: values, names: method.parameters.map(\.name),
        context: interpreter.context)
      let call = MethodCall(
        interpreter: interpreter, span: span, arguments: bound, function: function)
      return try interpreter.host(span) { try method.body(&receiver, call) }
    }
    if overloads.count == 1, let firstFailure { throw firstFailure }
    let labels = arguments.map {
      ($0.label == Interpreter.trailingLabel ? "{ … }" : $0.label ?? "_") + ":"
    }.joined()
    throw interpreter.error(
      .noMatchingOverload(
        "\(typeName).\(overloads[0].name)(\(labels))",
        overloads.map { "\(typeName).\($0.signature)" }), span)
  }
}
