import Cancellation
import Display

extension Session {
  /// Calls a function value of the cells (a closure a host kept, such as a widget's `onChange`)
  /// between cells, as a cell would run: on the large stack, inside `cellScope`, printing to
  /// `sink`. Returns the call's value, or the error as a cell reports it; bindings are kept.
  ///
  /// Not for use while a cell runs (a running native calls closures through its `CallContext`).
  public func callback(_ function: Value, _ arguments: [Value], sink: any OutputSink,
                       cancellation: CancellationToken) -> Result<Value, CellError> {
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

  private func invoke(_ function: Value, _ arguments: [Value], sink: any OutputSink,
                      cancellation: CancellationToken) -> Result<Value, CellError> {
    let file = SourceFile(name: "callback", text: "")
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
