import Lang

/// Registers natives with a session; every body runs under `EngineErrors`, so engine errors become
/// language errors that point at the call.
struct Registrar {
  /// Unowned: the natives it registers capture it and live in the session, so a strong reference
  /// would keep every session (and every model bound in it) alive forever.
  unowned let session: Session
  let runtime: RuntimeState

  func add(
    _ name: String, _ parameters: [Parameter] = [], returns: String? = nil, doc: String,
    example: String,
    builder: Bool = false, isType: Bool? = nil, staticMembers: [String: Value] = [:],
    _ body: @escaping (Arguments) throws -> Value
  ) {
    let function = NativeFunction(
      name: name, parameters: parameters, returns: returns, doc: doc, example: example,
      builder: builder, isType: isType ?? (name.first?.isUppercase ?? false),
      staticMembers: staticMembers
    ) { arguments in
      try ArgumentLimits.check(arguments, parameters)
      return try EngineErrors.run {
        try OperandBudget.reserve(arguments, parameters)
        return try body(arguments)
      }
    }
    session.register(function)
  }

  /// Replaces a core built-in by one that handles tensors and falls back to the original.
  func overload(
    _ name: String, doc: String, example: String, tensor: @escaping (TensorValue) throws -> Value
  ) {
    let original = session.value(of: name)
    add(
      name, [P.positional("x", "Double or Tensor")], returns: "Double or Tensor", doc: doc,
      example: example, isType: false
    ) { a in
      if let value = a["x"].host(as: TensorValue.self) { return try tensor(value) }
      guard let original else {
        throw HostError("TypeError", "\(name) expects a Tensor, got \(a["x"].typeName)")
      }
      return try a.context.call(original, [a["x"]])
    }
  }
}
