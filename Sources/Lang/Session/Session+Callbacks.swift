import Cancellation
import Display

extension Session {
  /// Calls a function value of the cells (a closure a host kept, such as a widget's `onChange`)
  /// between cells, as a cell would run: on the large stack, inside `cellScope`, printing to
  /// `sink`. Returns the call's value, or the error as a cell reports it; bindings are kept.
  ///
  /// A running cell's natives call closures through their `CallContext` instead; a callback may
  /// also run while a cell is paused at a poll (a kernel subshell's turn): the cell's sink,
  /// token and step count are restored after it.
  public func callback(
    _ function: Value, _ arguments: [Value], sink: any OutputSink,
    cancellation: CancellationToken
  ) -> Result<Value, CellError> {
    let work = { [self] () -> Result<Value, CellError> in
      var outcome: Result<Value, CellError> = .success(.void)
      _ = cellScope(cancellation) {
        outcome = invoke(function, arguments, sink: sink, cancellation: cancellation)
        return CellResult()
      }
      return outcome
    }
    return usesLargeStack ? BigStack.run(work) : work()
  }

  private func invoke(
    _ function: Value, _ arguments: [Value], sink: any OutputSink,
    cancellation: CancellationToken
  ) -> Result<Value, CellError> {
    let file = SourceFile(name: "callback", text: "")
    let outer = interpreter.saveCellState()
    defer { interpreter.restoreCellState(outer) }
    interpreter.sink = sink
    interpreter.cancellation = cancellation
    interpreter.context = CallContext(interpreter: interpreter)
    interpreter.steps = 0
    do {
      return .success(try interpreter.callValue(function, arguments.map { (nil, $0) }))
    } catch let failure as RuntimeError {
      return .failure(CellError([failure.diagnostic]))
    } catch let failure as HostError {
      let message = DiagnosticMessage.hostError(failure.kind, failure.message, hint: failure.hint)
      return .failure(CellError([Diagnostic(message, file: file, span: Span(0, 0))]))
    } catch {
      let message = DiagnosticMessage.hostError("Error", String(describing: error), hint: nil)
      return .failure(CellError([Diagnostic(message, file: file, span: Span(0, 0))]))
    }
  }
}

extension Interpreter {
  /// What a cell sets up before it runs: its sink, token, call context and step count.
  struct CellState {
    var sink: any OutputSink
    var cancellation: CancellationToken
    var context: CallContext
    var steps: Int
  }

  func saveCellState() -> CellState {
    CellState(sink: sink, cancellation: cancellation, context: context, steps: steps)
  }

  func restoreCellState(_ state: CellState) {
    sink = state.sink
    cancellation = state.cancellation
    context = state.context
    steps = state.steps
  }
}
