import Cancellation
import Display

/// A running notebook: bindings that live across cells, the built-ins, the host's natives and the
/// magics. The kernel calls `execute`, `complete`, `inspect` and `isComplete`; NotebookRuntime
/// registers the engine's names with `register(_:)` and `define(_:_:)`.
///
/// Not thread-safe: one cell at a time (an interrupt only sets the `CancellationToken`).
public final class Session {
  let interpreter: Interpreter
  /// The magic commands (`%time`, `%timeit`, `%who`, `%reset` built in; hosts add more).
  public var magics = MagicRegistry()
  /// A budget of evaluation steps per cell (nil: unlimited); fuzzing sets it.
  public var stepLimit: Int? {
    get { interpreter.stepLimit }
    set { interpreter.stepLimit = newValue }
  }
  /// Whether cells run on a thread with a large stack (default true).
  public var usesLargeStack = true
  /// Wraps every cell's evaluation, on the thread that runs it, with the cell's token: the host's
  /// one place to hand the token to code the language does not know (NotebookRuntime sets the
  /// engine's token here). By default it just runs the cell.
  public var cellScope:
    (_ cancellation: CancellationToken, _ cell: () -> CellResult) -> CellResult = { $1() }
  private var cellCount = 0
  /// The generic parameter names of the generic types cells declared, for later extensions.
  private var genericTypes: [String: [String]] = [:]
  /// The seed of the next random choice a cell makes without a generator (`xs.shuffled()`): by
  /// default a stream from seed 0; a host hands out its own (NotebookRuntime: `%seed`'s stream).
  public var nextSeed: () -> UInt64 = {
    var draws: UInt64 = 0
    return {
      draws += 1
      return SeededGenerator(seed: draws).next()
    }
  }()

  /// A session with the core built-ins and magics.
  public init() {
    interpreter = Interpreter(sink: RecordingSink(), cancellation: CancellationToken())
    interpreter.session = self
    CoreBuiltins.register(in: self)
    for function in CoreBuiltins.exits { register(function) }
    magics.registerBuiltins()
  }

  // MARK: - Host API

  /// Makes a native function callable by its name in every cell (replacing one of that name).
  public func register(_ function: NativeFunction) {
    interpreter.builtins.define(function.name, .native(function), isLet: true)
  }

  /// Binds a built-in name to a value (a host object, a constant).
  public func define(_ name: String, _ value: Value) {
    interpreter.builtins.define(name, value, isLet: true)
  }

  /// The value a name has in the cells now (user bindings first, then built-ins).
  public func value(of name: String) -> Value? {
    interpreter.globals.lookup(name)?.value
  }

  /// Every built-in name (the core's and the host's), sorted.
  public var builtinNames: [String] { interpreter.builtins.names.keys.sorted() }

  /// The user's bindings (not the built-ins), sorted by name.
  public var userBindings: [(name: String, value: Value)] {
    interpreter.globals.names.map { ($0.key, $0.value.value) }.sorted { $0.name < $1.name }
  }

  /// Removes every user binding (`%reset`).
  public func reset() {
    interpreter.globals.names.removeAll()
  }

  // MARK: - Execution

  /// Runs a cell: parses it (reporting every syntax error), then evaluates it with `sink` for output
  /// and `cancellation` polled by loops and calls. Never crashes on any input. A cell that runs
  /// `exit`/`quit` stops there and reports `exitRequest`; the front end ends the session.
  public func execute(
    _ source: String, cellName: String? = nil, sink: any OutputSink,
    cancellation: CancellationToken
  ) -> CellResult {
    cellCount += 1
    let file = SourceFile(name: cellName ?? "cell\(cellCount)", text: source)
    let work = { [self] in
      cellScope(cancellation) { run(file, sink: sink, cancellation: cancellation) }
    }
    return usesLargeStack ? BigStack.run(work) : work()
  }

  private func run(_ file: SourceFile, sink: any OutputSink, cancellation: CancellationToken)
    -> CellResult
  {
    let parsed = CellParser.parse(file, knownGenericTypes: genericTypes)
    let statements = parsed.statements
    guard parsed.diagnostics.isEmpty else {
      return CellResult(error: CellError(parsed.diagnostics))
    }
    let resolved = resolve(statements, file)
    guard resolved.isEmpty else { return CellResult(error: CellError(resolved)) }
    genericTypes.merge(parsed.declaredGenericTypes) { $1 }
    // a cell on a kernel subshell runs within another's turn
    let outer = interpreter.saveCellState()
    defer { interpreter.restoreCellState(outer) }
    interpreter.sink = sink
    interpreter.cancellation = cancellation
    interpreter.context = CallContext(interpreter: interpreter)
    interpreter.steps = 0
    do {
      guard let value = try interpreter.run(statements, in: file) else { return CellResult() }
      return CellResult(value: value.displayBundle, rawValue: value)
    } catch let request as ExitRequest {
      return CellResult(exitRequest: request)
    } catch let failure as RuntimeError {
      return CellResult(error: CellError([failure.diagnostic]))
    } catch let failure as HostError {
      let diagnostic = Diagnostic(
        .hostError(failure.kind, failure.message, hint: failure.hint), file: file, span: Span(0, 0))
      return CellResult(error: CellError([diagnostic]))
    } catch {
      let diagnostic = Diagnostic(
        .hostError("Error", String(describing: error), hint: nil), file: file, span: Span(0, 0))
      return CellResult(error: CellError([diagnostic]))
    }
  }

  /// The resolver's errors for a cell, against the bindings of earlier cells and the built-ins.
  func resolve(_ statements: [Stmt], _ file: SourceFile) -> [Diagnostic] {
    let globals = interpreter.globals
    let resolver = Resolver(
      file: file, global: { globals.lookup($0)?.isLet },
      globalNames: { Array(globals.allNames.keys) },
      typeMembers: { [interpreter] in interpreter.memberNames(ofType: $0) },
      knownEnums: { [interpreter] in interpreter.declaredEnums() })
    return resolver.resolve(statements)
  }

  /// Runs a cell and returns everything a reader would see as text: stdout and stderr, displayed
  /// values' plain text, the result's plain text, and the plain diagnostic of an error.
  /// Fixture tests and `stride run` use it.
  public func transcript(of source: String, cellName: String? = nil, input: [String] = []) -> String
  {
    let sink = RecordingSink(inputLines: input)
    let result = execute(source, cellName: cellName, sink: sink, cancellation: CancellationToken())
    var text = ""
    for event in sink.events {
      switch event {
      case .text(let chunk, _): text += chunk
      case .display(let bundle, _), .update(let bundle, _): text += bundle.plainText + "\n"
      case .clear: break
      }
    }
    if let value = result.value { text += value.plainText + "\n" }
    if let error = result.error { text += error.plainText + "\n" }
    return text
  }
}
