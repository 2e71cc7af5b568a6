import Cancellation
import Display

/// A language behind the kernel: runs cells, completes, inspects, judges completeness.
///
/// `KernelCore` does all protocol bookkeeping (busy/idle, `execute_input`, execution count,
/// history, abort on error, replies); an interpreter only computes and writes to the context's
/// sink. Cursor positions are Unicode code points (scalars) from the start of `code`.
/// Interrupts arrive through `ExecutionContext.cancellation`, which the transport sets from
/// SIGINT or `interrupt_request`; a long computation polls it and ends with an error whose
/// `ename` says it was interrupted. All calls come on one thread (the shell thread).
public protocol KernelInterpreter: AnyObject {
  /// Implementation, language and banner for `kernel_info_reply`.
  var kernelInfo: KernelInfo { get }
  /// Runs one cell; outputs go to `context.sink`, the value of the cell is the result.
  func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome
  /// Evaluates one `user_expressions` entry after a cell, without side effects where possible.
  func evaluate(expression: String, context: ExecutionContext) -> ExecutionOutcome
  /// Completions at `cursor` (code points).
  func complete(_ code: String, cursor: Int) -> Completion
  /// Help for the name at `cursor` (code points); nil when nothing is known.
  func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle?
  /// Whether `code` is ready to run as typed.
  func isComplete(_ code: String) -> Completeness
  /// Called before the process ends (`restart`: a new kernel will follow).
  func shutdown(restart: Bool)
  /// The comm targets the language serves (widgets); nil: none, every `comm_open` is closed.
  var commHost: (any CommHost)? { get }
}

extension KernelInterpreter {
  /// Default: user expressions are not supported.
  public func evaluate(expression: String, context: ExecutionContext) -> ExecutionOutcome {
    .failure(ExecutionError(ename: "NotSupported", evalue: "user expressions are not supported"))
  }

  /// Default: nothing to clean up.
  public func shutdown(restart: Bool) {}

  /// Default: no comm targets.
  public var commHost: (any CommHost)? { nil }
}

/// What a running cell may use: its sink, the interrupt token, its execution count.
public final class ExecutionContext {
  /// Where the cell writes text and shows displays.
  public let sink: any OutputSink
  /// Set when the user interrupts; poll it in long work.
  public let cancellation: CancellationToken
  /// The cell's execution count (`In [n]`).
  public let executionCount: Int
  /// Whether the client allows `input_request` (stdin) for this cell.
  public let allowStdin: Bool
  /// Pager pages requested by the cell (e.g. help), sent as the reply's payload.
  public private(set) var pages: [MimeBundle] = []
  /// Set when the cell asked to end the session (`exit`): the reply carries IPython's
  /// `ask_exit` payload and the front end decides (jupyter console shuts the kernel down).
  public private(set) var exitRequested = false

  /// Makes a context.
  public init(
    sink: any OutputSink, cancellation: CancellationToken, executionCount: Int,
    allowStdin: Bool
  ) {
    self.sink = sink
    self.cancellation = cancellation
    self.executionCount = executionCount
    self.allowStdin = allowStdin
  }

  /// Shows `bundle` in the frontend's pager (IPython's `?`), via the reply payload.
  public func page(_ bundle: MimeBundle) { pages.append(bundle) }

  /// Asks the front end to end the session, as IPython's `exit` does (the kernel keeps running
  /// until the front end shuts it down).
  public func askExit() { exitRequested = true }
}

/// How a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
  /// The cell ran; `result` is the value of its last expression, if it has one to show.
  case success(result: MimeBundle?)
  /// The cell failed (or was interrupted).
  case failure(ExecutionError)
}

/// A failed cell: Jupyter's `error` content.
public struct ExecutionError: Error, Sendable, Equatable {
  /// Error class name, e.g. `TypeError`, `Interrupted`.
  public var ename: String
  /// Error message.
  public var evalue: String
  /// Lines of the traceback (ANSI colours allowed).
  public var traceback: [String]

  /// Makes an error; the traceback defaults to `ename: evalue`.
  public init(ename: String, evalue: String, traceback: [String]? = nil) {
    self.ename = ename
    self.evalue = evalue
    self.traceback = traceback ?? ["\(ename): \(evalue)"]
  }

  /// The error of an interrupted cell.
  public static let interrupted = ExecutionError(
    ename: "Interrupted", evalue: "interrupted by the user")
}

/// Completions: the matches and the code-point range of `code` they replace, plus the reply's
/// metadata (e.g. `_jupyter_types_experimental`: a type and signature per match, as IPython sends).
public struct Completion: Sendable, Equatable {
  public var matches: [String]
  public var cursorStart: Int
  public var cursorEnd: Int
  public var metadata: [String: JSONValue]

  /// Makes a completion result.
  public init(
    matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue] = [:]
  ) {
    self.matches = matches
    self.cursorStart = cursorStart
    self.cursorEnd = cursorEnd
    self.metadata = metadata
  }
}

/// The answer to `is_complete_request`.
public enum Completeness: Sendable, Equatable {
  case complete
  /// More input is needed; `indent` is what the next line should start with.
  case incomplete(indent: String)
  case invalid
  case unknown
}
