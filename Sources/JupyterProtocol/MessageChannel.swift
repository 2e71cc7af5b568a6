import Cancellation

/// The transport as `KernelCore` sees it: replies on shell, broadcasts on iopub, input on stdin.
///
/// `JupyterWire` implements it over ZeroMQ; `InMemoryChannel` records messages for tests.
/// `publish` may be called from any thread (the output flusher, the control thread).
public protocol MessageChannel: AnyObject, Sendable {
  /// Sends a reply on the shell socket; its identities route it to the requester.
  func reply(_ message: Message)
  /// Broadcasts on iopub.
  func publish(_ message: Message)
  /// Sends `input_request` on stdin and waits for the `input_reply`.
  ///
  /// Returns nil when the wait was cancelled through `cancellation` or the transport closed.
  func requestInput(_ request: Message, cancellation: CancellationToken) -> Message?
  /// Takes the shell requests that have already arrived and wait to be handled (shell thread).
  ///
  /// After a failed cell with `stop_on_error`, these are the requests sent before the client
  /// could see the failure: their executes are aborted.
  func takeQueuedRequests() -> [Message]
}
