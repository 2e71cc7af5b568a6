/// The kernel's side of Jupyter comms as the runtime sees it: open, message and close, each with a
/// JSON payload and binary buffers, published on iopub.
///
/// The kernel implements it (JupyterProtocol's `KernelComms`); `stride run` has none. Every call
/// is parented to the request the kernel is handling (`currentMessageId`), which is how an
/// `Output` widget captures output: it sets its `msg_id` to that id.
public protocol CommChannel: AnyObject {
  /// Publishes `comm_open` for `target` with `data` (and `buffers`).
  func open(
    commId: String, target: String, data: JSONValue, metadata: JSONValue,
    buffers: [[UInt8]])
  /// Publishes `comm_msg` on an open comm.
  func send(commId: String, data: JSONValue, buffers: [[UInt8]])
  /// Publishes `comm_close`.
  func close(commId: String, data: JSONValue)
  /// The `msg_id` of the request being handled (an `execute_request`, a `comm_msg`), or nil.
  var currentMessageId: String? { get }
}

/// What serves comm targets for the kernel: widget models, in NotebookRuntime.
///
/// The kernel routes `comm_open`, `comm_msg`, `comm_close` and `comm_info_request` here and
/// knows nothing of what the payloads mean. `sink` is where a callback's output goes (parented
/// to the front end's message). Handlers never throw: bad payloads are logged and answered.
public protocol CommHost: AnyObject {
  /// The targets a front end may open comms to (`jupyter.widget`, …).
  var targetNames: [String] { get }
  /// The open comms: comm id → target name.
  var openComms: [String: String] { get }
  /// Called once by the kernel: the channel every later open, update and close goes through.
  func attach(_ channel: any CommChannel)
  /// A front end opened a comm; false refuses it (the kernel answers with `comm_close`).
  func commOpened(
    id: String, target: String, data: JSONValue, buffers: [[UInt8]],
    sink: any OutputSink
  ) -> Bool
  /// A message on a comm; false when the comm is unknown here.
  func commMessage(id: String, data: JSONValue, buffers: [[UInt8]], sink: any OutputSink) -> Bool
  /// The front end closed a comm.
  func commClosed(id: String, data: JSONValue)
}
