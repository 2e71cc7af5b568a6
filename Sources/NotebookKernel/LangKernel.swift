import Cancellation
import Display
import Foundation
import JupyterProtocol
import Lang

/// The cell language behind the kernel: a `Lang.Session` as a `KernelInterpreter`.
///
/// Cells run in the session (bindings persist; an interrupt ends a cell with ename `Interrupted`
/// and keeps them). Output goes to the cell's sink, which the kernel publishes as `stream`,
/// `display_data`, `update_display_data` and `clear_output`; `readLine` goes through stdin.
/// A failed cell becomes an `error` with the session's ANSI-coloured diagnostic as traceback.
/// A help request (`name?`, `Session.helpTopic`) shows the name's help in the pager, as in IPython.
/// `exit`/`quit` (the session's `exitRequest`) become the reply's `ask_exit` payload.
/// Cursor positions are Unicode scalars on both sides, so they pass through unchanged.
public final class LangKernel: KernelInterpreter {
  /// The language session (NotebookRuntime registers the engine's names in it).
  public let session: Session

  /// The comm targets of the session's host (widgets), routed here by the kernel.
  public let commHost: (any CommHost)?

  /// A kernel over `session`, serving `commHost`'s comm targets (nil: none).
  public init(session: Session = Session(), commHost: (any CommHost)? = nil) {
    self.session = session
    self.commHost = commHost
    // The cell's thread serves kernel subshells' turns at its polls (JupyterProtocol's
    // InterpreterTurns): a widget message is answered while a long cell runs.
    let scope = session.cellScope
    session.cellScope = { token, cell in token.servingTurns { scope(token, cell) } }
  }

  public var kernelInfo: KernelInfo {
    KernelInfo(
      implementation: "stride", implementationVersion: "0.1.0", languageInfo: .swift,
      banner: """
        Stride: Swift-syntax cells for convolutional networks.
        Try `print("hello")`, `name?` for help, %who for your bindings.
        """,
      helpLinks: [
        HelpLink(
          text: "Swift language guide",
          url: "https://docs.swift.org/swift-book/documentation/the-swift-programming-language/")
      ])
  }

  public func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
    if let topic = Session.helpTopic(code) { return page(topic, context: context) }
    let result = session.execute(code, sink: context.sink, cancellation: context.cancellation)
    if result.exitRequest != nil {
      context.askExit()
      return .success(result: nil)
    }
    if let error = result.error {
      return .failure(
        ExecutionError(
          ename: error.name, evalue: error.message,
          traceback: error.traceback))
    }
    return .success(result: result.value)
  }

  /// A user expression runs like a cell whose output is not shown.
  public func evaluate(expression: String, context: ExecutionContext) -> ExecutionOutcome {
    let result = session.execute(
      expression, sink: RecordingSink(), cancellation: context.cancellation)
    if let error = result.error {
      return .failure(
        ExecutionError(ename: error.name, evalue: error.message, traceback: error.traceback))
    }
    return .success(result: result.value ?? MimeBundle(plain: ""))
  }

  /// Completions with `_jupyter_types_experimental` as IPython sends it: per match its range,
  /// text, type and (functions, methods, argument labels) signature, every overload's.
  public func complete(_ code: String, cursor: Int) -> Completion {
    let completions = session.complete(code, cursor: cursor)
    let types = completions.items.map { item -> JSONValue in
      var entry: [String: JSONValue] = [
        "start": .int(completions.start), "end": .int(completions.end),
        "text": .string(item.text), "type": .string(item.type),
      ]
      if let signature = item.signature { entry["signature"] = .string(signature) }
      return .object(entry)
    }
    return Completion(
      matches: completions.matches, cursorStart: completions.start,
      cursorEnd: completions.end, metadata: ["_jupyter_types_experimental": .array(types)])
  }

  public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
    session.inspect(code, cursor: cursor, detailLevel: detailLevel)
  }

  public func isComplete(_ code: String) -> JupyterProtocol.Completeness {
    switch session.isComplete(code) {
    case .complete: return .complete
    case .incomplete(let indent): return .incomplete(indent: indent)
    case .invalid: return .invalid
    }
  }

  // MARK: - Help in the pager

  private func page(_ topic: String, context: ExecutionContext) -> ExecutionOutcome {
    guard let help = session.help(topic) else {
      return .failure(
        ExecutionError(ename: "NameError", evalue: "no help for '\(topic)': it is not defined"))
    }
    context.page(help)
    return .success(result: nil)
  }
}
