import Display

// MARK: - Requests that do not run code

extension KernelCore {
  func complete(_ request: Message) {
    guard let content = decode(CompleteRequest.self, request) else { return }
    let cursor = clampCursor(content.cursorPos, in: content.code)
    let result = interpreter.complete(content.code, cursor: cursor)
    reply(
      to: request,
      CompleteReply(
        matches: result.matches, cursorStart: result.cursorStart,
        cursorEnd: result.cursorEnd, metadata: result.metadata))
  }

  func inspect(_ request: Message) {
    guard let content = decode(InspectRequest.self, request) else { return }
    let cursor = clampCursor(content.cursorPos, in: content.code)
    let bundle = interpreter.inspect(content.code, cursor: cursor, detailLevel: content.detailLevel)
    reply(
      to: request,
      InspectReply(
        found: bundle != nil, data: bundle?.data ?? [:],
        metadata: bundle?.metadata ?? [:]))
  }

  func isComplete(_ request: Message) {
    guard let content = decode(IsCompleteRequest.self, request) else { return }
    switch interpreter.isComplete(content.code) {
    case .complete: reply(to: request, IsCompleteReply(status: "complete"))
    case .incomplete(let indent):
      reply(to: request, IsCompleteReply(status: "incomplete", indent: indent))
    case .invalid: reply(to: request, IsCompleteReply(status: "invalid"))
    case .unknown: reply(to: request, IsCompleteReply(status: "unknown"))
    }
  }

  func history(_ request: Message) {
    guard let content = decode(HistoryRequest.self, request) else { return }
    let entries = history.reply(to: content)
    channel.reply(
      factory.reply(to: request, content: ["status": "ok", "history": .array(entries)]))
  }

  func kernelInfo(_ request: Message) {
    var info = interpreter.kernelInfo.replyContent
    info.supportedFeatures = supportedFeatures
    reply(to: request, info)
  }

  func shutdown(_ request: Message) {
    guard let content = decode(ShutdownContent.self, request) else { return }
    interpreter.shutdown(restart: content.restart)
    reply(to: request, ShutdownContent(restart: content.restart))
    shutdownRequested = content.restart
  }

  func interrupt(_ request: Message) {
    cancellation.cancel()
    channel.reply(factory.reply(to: request, content: ["status": "ok"]))
  }

  /// A cursor within `0...code.unicodeScalars.count`.
  func clampCursor(_ cursor: Int, in code: String) -> Int {
    min(max(cursor, 0), code.unicodeScalars.count)
  }
}
