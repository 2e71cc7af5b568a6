import Cancellation
import Display

/// The control channel's handlers, served on their own thread while a cell runs.
///
/// `kernel_info_request`, `shutdown_request` (with restart), `interrupt_request` (sets the
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

  /// A control handler that publishes status through `channel`.
  public init(kernelInfo: KernelInfo, factory: MessageFactory, cancellation: CancellationToken,
              channel: any MessageChannel) {
    self.kernelInfo = kernelInfo
    self.factory = factory
    self.cancellation = cancellation
    self.channel = channel
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
      let content = (try? JSONValue(encoding: kernelInfo.replyContent)) ?? ["status": "error"]
      return Response(reply: factory.reply(to: request, content: content))
    case "debug_request":
      return Response(reply: factory.reply(to: request, content: debugUnsupported(request)))
    default:
      KernelLog.warning("unknown control message type '\(request.msgType)', ignored")
      return Response(reply: nil)
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
