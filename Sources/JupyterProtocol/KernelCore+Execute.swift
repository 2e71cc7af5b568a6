import Display

// MARK: - execute_request

extension KernelCore {
  /// Runs a cell with all the bookkeeping of the messaging spec.
  ///
  /// Order on iopub: busy, `execute_input` (not when silent), outputs, `execute_result` or
  /// `error`, idle. `store_history` (never when silent) increments the execution count and
  /// records the input and its plain-text result. After an error with `stop_on_error`, the
  /// executes already queued are answered `aborted` (see `handle(_:)`). A cell that returns normally
  /// after an interrupt arrived (e.g. its `readLine` was cancelled) ends as interrupted.
  func execute(_ request: Message) {
    guard let content = decode(ExecuteRequest.self, request) else { return }
    if aborting {
      reply(to: request, ExecuteReply(status: "aborted", executionCount: executionCount))
      return
    }
    let storing = content.storeHistory && !content.silent
    if storing { executionCount += 1 }
    let count = executionCount
    if !content.silent {
      publish(
        "execute_input", ["code": .string(content.code), "execution_count": .int(count)],
        parent: request)
    }
    let context = makeContext(for: request, content, count: count)
    var outcome = interpreter.execute(content.code, context: context)
    if cancellation.isCancelled, case .success = outcome { outcome = .failure(.interrupted) }
    streams.flush()
    switch outcome {
    case .success(let result):
      succeed(request, content, context: context, result: result, storing: storing)
    case .failure(let error):
      fail(request, content, count: count, error: error)
      if storing { history.record(line: count, input: content.code, output: nil) }
    }
  }

  private func makeContext(for request: Message, _ content: ExecuteRequest, count: Int)
    -> ExecutionContext
  {
    let sink: any OutputSink =
      content.silent
      ? DiscardingSink()
      : IOPubSink(
        request: request, channel: channel, factory: factory, streams: streams,
        cancellation: cancellation, allowStdin: content.allowStdin)
    return ExecutionContext(
      sink: sink, cancellation: cancellation, executionCount: count,
      allowStdin: content.allowStdin && !content.silent)
  }

  private func succeed(
    _ request: Message, _ content: ExecuteRequest, context: ExecutionContext,
    result: MimeBundle?, storing: Bool
  ) {
    let count = context.executionCount
    if let result, !content.silent {
      var data = IOPubSink.content(of: result)
      data["execution_count"] = .int(count)
      publish("execute_result", .object(data), parent: request)
    }
    if storing { history.record(line: count, input: content.code, output: result?.plainText) }
    var payload: [JSONValue] = context.pages.map { page in
      ["source": "page", "data": .object(page.data.mapValues { .string($0) }), "start": 0]
    }
    if context.exitRequested { payload.append(["source": "ask_exit", "keepkernel": false]) }
    let expressions = evaluate(content.userExpressions, context: context)
    reply(
      to: request,
      ExecuteReply(
        status: "ok", executionCount: count, payload: payload,
        userExpressions: expressions))
  }

  private func fail(
    _ request: Message, _ content: ExecuteRequest, count: Int,
    error: ExecutionError
  ) {
    if !content.silent {
      publish(
        "error",
        [
          "ename": .string(error.ename), "evalue": .string(error.evalue),
          "traceback": .array(error.traceback.map { .string($0) }),
        ], parent: request)
    }
    reply(
      to: request,
      ExecuteReply(
        status: "error", executionCount: count, payload: [],
        userExpressions: [:], ename: error.ename,
        evalue: error.evalue, traceback: error.traceback))
    if content.stopOnError { aborting = true }
  }

  /// `user_expressions`: each name → `{status, data, metadata}` or an error object.
  private func evaluate(_ expressions: [String: String], context: ExecutionContext)
    -> [String: JSONValue]
  {
    expressions.mapValues { expression in
      switch interpreter.evaluate(expression: expression, context: context) {
      case .success(let bundle):
        let shown = bundle ?? MimeBundle(plain: "")
        return [
          "status": "ok", "data": .object(shown.data.mapValues { .string($0) }),
          "metadata": .object(shown.metadata),
        ]
      case .failure(let error):
        return [
          "status": "error", "ename": .string(error.ename), "evalue": .string(error.evalue),
          "traceback": .array(error.traceback.map { .string($0) }),
        ]
      }
    }
  }
}
