import Cancellation
import Display

/// The control channel's handlers, served on their own thread while a cell runs.
///
/// `kernel_info_request` (saying `kernel subshells` among its supported features when the
/// transport has them), `create_subshell_request`, `delete_subshell_request`,
/// `list_subshell_request` (JEP 91), `shutdown_request` (with restart), `interrupt_request` (sets the
/// cancellation token the running cell polls), and `debug_request` (answered as unsupported:
/// a DAP response with `success: false`). Each request is bracketed by busy/idle on iopub.
/// Holds only `Sendable` state, so it can live on any thread.
public struct ControlCore: Sendable {
  /// What the transport must do after a control request.
  public struct Response: Sendable {
    /// The reply to send on the control socket (nil: none).
    public var reply: Message?
    /// Non-nil after `shutdown_request`: end the process (the value says restart).
    public var shutdown: Bool?
  }

  let kernelInfo: KernelInfo
  let factory: MessageFactory
  let cancellation: CancellationToken
  let channel: any MessageChannel
  /// The kernel's subshells (nil: none; their requests are then unknown types).
  let subshells: (any SubshellManaging)?

  /// A control handler that publishes status through `channel`.
  public init(
    kernelInfo: KernelInfo, factory: MessageFactory, cancellation: CancellationToken,
    channel: any MessageChannel, subshells: (any SubshellManaging)? = nil
  ) {
    self.kernelInfo = kernelInfo
    self.factory = factory
    self.cancellation = cancellation
    self.channel = channel
    self.subshells = subshells
  }

  /// Handles one control message.
  public func handle(_ request: Message) -> Response {
    publishStatus("busy", parent: request)
    defer { publishStatus("idle", parent: request) }
    switch request.msgType {
    case "interrupt_request":
      cancellation.cancel()
      return Response(reply: factory.reply(to: request, content: ["status": "ok"]))
    case "shutdown_request":
      let restart = request.content["restart"]?.boolValue ?? false
      cancellation.cancel()
      let content: JSONValue = ["status": "ok", "restart": .bool(restart)]
      return Response(reply: factory.reply(to: request, content: content), shutdown: restart)
    case "kernel_info_request":
      var info = kernelInfo.replyContent
      info.supportedFeatures = subshells == nil ? [] : [SupportedFeature.kernelSubshells]
      let content = (try? JSONValue(encoding: info)) ?? ["status": "error"]
      return Response(reply: factory.reply(to: request, content: content))
    case "create_subshell_request", "delete_subshell_request", "list_subshell_request":
      guard let subshells else { return unknown(request) }
      return Response(reply: factory.reply(to: request, content: subshell(request, subshells)))
    case "debug_request":
      return Response(reply: factory.reply(to: request, content: debugUnsupported(request)))
    default:
      return unknown(request)
    }
  }

  private func unknown(_ request: Message) -> Response {
    KernelLog.warning("unknown control message type '\(request.msgType)', ignored")
    return Response(reply: nil)
  }

  private func subshell(_ request: Message, _ subshells: any SubshellManaging) -> JSONValue {
    switch request.msgType {
    case "create_subshell_request":
      return ["status": "ok", "subshell_id": .string(subshells.createSubshell())]
    case "list_subshell_request":
      return ["status": "ok", "subshell_id": .array(subshells.listSubshells().map { .string($0) })]
    default:
      let id = request.content["subshell_id"]?.stringValue ?? ""
      if subshells.deleteSubshell(id) { return ["status": "ok"] }
      return [
        "status": "error", "ename": "UnknownSubshellError",
        "evalue": .string("Unknown subshell_id '\(id)'"), "traceback": [],
      ]
    }
  }

  private func debugUnsupported(_ request: Message) -> JSONValue {
    [
      "type": "response", "request_seq": request.content["seq"] ?? 0, "success": false,
      "command": request.content["command"] ?? "", "message": "this kernel has no debugger",
    ]
  }

  private func publishStatus(_ state: String, parent: Message) {
    channel.publish(
      factory.broadcast("status", content: ["execution_state": .string(state)], parent: parent))
  }
}
