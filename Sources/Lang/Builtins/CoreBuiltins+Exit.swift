/// A cell asked to end the session: `exit`, `quit`, `exit()`, `quit()` or `exit(status)`.
///
/// Thrown by the built-ins and reported by `Session.execute` as `CellResult.exitRequest` (never
/// as an error); each front end ends its session its own way: the kernel asks the Jupyter front
/// end to shut it down (IPython's `ask_exit` payload), `stride run` ends with `status`.
public struct ExitRequest: Error, Sendable, Equatable {
  /// The exit status asked for (0...255; 0 when none was given).
  public var status: Int

  /// A request with `status`.
  public init(status: Int = 0) { self.status = status }
}

extension CoreBuiltins {
  /// `exit(_ status: Int = 0)` and `quit(_ status: Int = 0)`.
  static var exits: [NativeFunction] {
    exitNames.map { name in
      NativeFunction(
        name: name, parameters: [Parameter(name: "status", type: "Int", default: .int(0))],
        doc: "Ends the session, as in a Python console: Jupyter's console shuts the kernel down; "
          + "`stride run` stops with exit status `status` (0 to 255). `\(name)` alone works too.",
        example: "\(name)()"
      ) { arguments in
        let status = try arguments.int("status")
        guard (0...255).contains(status) else {
          throw HostError(
            "ValueError", "exit status \(status) is out of range",
            hint: "use 0 for success, 1 to 255 for failure")
        }
        throw ExitRequest(status: status)
      }
    }
  }

  static let exitNames: Set<String> = ["exit", "quit"]
}

extension Interpreter {
  /// `exit` or `quit` named alone as a statement runs it, as IPython's console does: a statement
  /// whose value is the built-in itself (not a user binding of that name) ends the session.
  func exitIfNamedAlone(_ value: Value) throws {
    if case .native(let function) = value, CoreBuiltins.exitNames.contains(function.name) {
      throw ExitRequest(status: 0)
    }
  }
}
