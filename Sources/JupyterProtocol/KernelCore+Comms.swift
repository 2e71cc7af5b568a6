import Display

// MARK: - Comms (routed to the interpreter's comm host)

extension KernelCore {
  /// `comm_info_reply`: the open comms (`{id: {target_name}}`), only those of `target_name`
  /// when the request names one.
  func commInfo(_ request: Message) {
    let wanted = request.content["target_name"]?.stringValue
    var comms: [String: JSONValue] = [:]
    for (id, target) in interpreter.commHost?.openComms ?? [:]
    where wanted == nil || wanted == target {
      comms[id] = ["target_name": .string(target)]
    }
    channel.reply(factory.reply(to: request, content: ["status": "ok", "comms": .object(comms)]))
  }

  /// A front end opens a comm: the host takes it, or it is answered with `comm_close`.
  func commOpen(_ request: Message) {
    guard let content = decode(CommOpen.self, request) else { return }
    let data = request.content["data"] ?? [:]
    if let host = interpreter.commHost, host.targetNames.contains(content.targetName),
      host.commOpened(
        id: content.commId, target: content.targetName, data: data,
        buffers: request.buffers, sink: callbackSink(for: request))
    {
      return
    }
    KernelLog.warning("comm_open for target '\(content.targetName)' refused: closing it")
    publish("comm_close", ["comm_id": .string(content.commId), "data": [:]], parent: request)
  }

  /// A message on a comm; one for a comm the host does not have is logged and dropped (the
  /// spec has no reply for it).
  func commMessage(_ request: Message) {
    guard let id = request.content["comm_id"]?.stringValue else {
      KernelLog.warning("comm_msg without a comm_id, ignored")
      return
    }
    let data = request.content["data"] ?? [:]
    let known =
      interpreter.commHost?.commMessage(
        id: id, data: data, buffers: request.buffers,
        sink: callbackSink(for: request)) ?? false
    if !known { KernelLog.warning("comm_msg for unknown comm '\(id)', ignored") }
  }

  func commClose(_ request: Message) {
    guard let id = request.content["comm_id"]?.stringValue,
      let host = interpreter.commHost, host.openComms[id] != nil
    else {
      KernelLog.warning("comm_close for a comm this kernel does not have, ignored")
      return
    }
    host.commClosed(id: id, data: request.content["data"] ?? [:])
  }

  /// Where a callback run for `request` writes: iopub, parented to the request, no stdin.
  func callbackSink(for request: Message) -> any OutputSink {
    IOPubSink(
      request: request, channel: channel, factory: factory, streams: streams,
      cancellation: cancellation, allowStdin: false)
  }
}
