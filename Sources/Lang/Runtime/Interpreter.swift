import Cancellation
import Display

/// The tree-walking evaluator: statements in `Interpreter+Statements`, expressions in
/// `+Expressions`, calls and argument binding in `+Calls`, operators in `+Operators`, members of
/// built-in types in `+Members`, assignment targets in `+Assignment`.
///
/// Limits keep any input safe: `maximumCallDepth` user calls, `maximumEvaluationDepth` nested
/// evaluations, an optional step budget (fuzzing), and loops and calls poll `cancellation`.
final class Interpreter {
  static let maximumCallDepth = 256
  static let maximumEvaluationDepth = 20_000

  let builtins = Scope(parent: nil)
  var globals: Scope
  var sink: any OutputSink
  @exclusivity(unchecked) var cancellation: CancellationToken
  /// The file whose code runs now (a function runs in the file that declared it).
  @exclusivity(unchecked) var file: SourceFile
  /// Active calls, outermost first.
  @exclusivity(unchecked) var callStack: [CallSite] = []
  @exclusivity(unchecked) var callDepth = 0
  @exclusivity(unchecked) var evaluationDepth = 0
  @exclusivity(unchecked) var steps = 0
  @exclusivity(unchecked) var stepLimit: Int?
  /// Set while a builder block runs: expression statements append their values here.
  @exclusivity(unchecked) var builder: BuilderCollector?
  /// The label of the loop about to start (`outer: for …`), taken by the loop as it starts.
  @exclusivity(unchecked) var pendingLoopLabel: String?
  lazy var context = CallContext(interpreter: self)
  /// How many user types were declared (each definition's number).
  var typeDefinitions = 0
  /// Names of `mutating` methods of user types (a call by one of them may store back into a variable).
  var userMutatingNames: Set<String> = []
  /// Members added to built-in types by `extension Int { … }`, by type name.
  var builtinExtensions: [String: UserType] = [:]
  /// The call of the host code running now (where a callback from it is "called from").
  var hostSpan = Span(0, 0)
  /// Protocols the host defines (`Layer`), by name.
  var hostProtocols: [String: HostProtocol] = [:]
  /// What a value of a type declaring a host protocol offers beyond its own members, by protocol
  /// name (`HostProtocol.StandIn`).
  var hostStandIns: [String: HostProtocol.StandIn] = [:]
  /// Set while an assignment path starts at `self` inside an `init` (its `let` properties may be set).
  var initializingReceiver = false
  /// The session that owns this interpreter (for magics).
  weak var session: Session?
  /// How user types reach this interpreter without a weak reference to it.
  let handle = InterpreterHandle()

  init(sink: any OutputSink, cancellation: CancellationToken) {
    self.globals = Scope(parent: builtins)
    self.sink = sink
    self.cancellation = cancellation
    self.file = SourceFile(name: "<none>", text: "")
    handle.interpreter = self
  }

  deinit { handle.interpreter = nil }

  /// A runtime error at `span` of the current file, with the active call chain.
  func error(_ message: DiagnosticMessage, _ span: Span) -> RuntimeError {
    var diagnostic = Diagnostic(message, file: file, span: span)
    diagnostic.callChain = callStack.reversed()
    return RuntimeError(diagnostic: diagnostic)
  }

  /// Counts a step; stops on interrupt or when the step budget is spent.
  @inline(__always)
  func tick(_ span: Span) throws {
    steps &+= 1
    if cancellation.isCancelled { throw error(.interrupted(), span) }
    if let stepLimit, steps > stepLimit { throw error(.stepLimit(stepLimit), span) }
  }

  /// Runs statements at the top level of a cell; returns the value to display, if any.
  func run(_ statements: [Stmt], in file: SourceFile) throws -> Value? {
    self.file = file
    callStack = []
    callDepth = 0
    evaluationDepth = 0
    builder = nil
    var result: Value?
    for (position, statement) in statements.enumerated() {
      let isLast = position == statements.count - 1
      if isLast, case .expression(let expr) = statement.kind, !statement.suppressesDisplay {
        try tick(statement.span)
        let value = try evaluate(expr, in: globals)
        try exitIfNamedAlone(value)
        if case .void = value { return nil }
        result = value
        continue
      }
      switch try execute(statement, in: globals) {
      case .normal: continue
      case .breakLoop, .continueLoop, .fallthroughCase, .breakLabel, .continueLabel:
        throw error(
          .breakOutsideLoop(statement.kind.isBreak ? "break" : "continue"), statement.span)
      case .returnValue: return nil
      }
    }
    return result
  }
}

/// A reference to an interpreter that is cleared when the interpreter ends. User types hold this
/// rather than a `weak` reference: a weakly referenced object gets a side table, and then every
/// retain and release of it (the interpreter is retained on every call) takes the runtime's slow path.
final class InterpreterHandle {
  unowned(unsafe) var interpreter: Interpreter?
}

/// Collects the values of a builder block's statements.
final class BuilderCollector {
  var values: [Value] = []
}

extension Stmt.Kind {
  var isBreak: Bool {
    switch self {
    case .breakLoop, .breakLabel: return true
    default: return false
    }
  }
}
