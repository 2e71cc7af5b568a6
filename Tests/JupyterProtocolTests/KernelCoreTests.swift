import Cancellation
import Display
import Foundation
import Testing

@testable import JupyterProtocol

@Suite struct KernelCoreTests {
  let channel = InMemoryChannel()
  let interpreter = ScriptedInterpreter()
  let client = Client()
  let token = CancellationToken()
  var core: KernelCore {
    KernelCore(interpreter: interpreter, channel: channel, cancellation: token)
  }

  func types(_ messages: [Message]) -> [String] {
    messages.map {
      $0.msgType == "status"
        ? "status:\($0.content["execution_state"]?.stringValue ?? "")" : $0.msgType
    }
  }

  @Test func executePublishesInOrderAndCounts() throws {
    let core = self.core
    let request = client.execute("result 6")
    core.handle(request)
    #expect(
      types(channel.published) == ["status:busy", "execute_input", "execute_result", "status:idle"])
    #expect(channel.published.allSatisfy { $0.parentHeader == request.header })
    #expect(channel.published[1].content["execution_count"] == 1)
    #expect(channel.published[2].content["data"]?["text/plain"] == "6")
    let reply = try #require(channel.replies.first)
    #expect(reply.msgType == "execute_reply")
    #expect(reply.identities == request.identities)
    #expect(reply.content["status"] == "ok")
    #expect(reply.content["execution_count"] == 1)
    core.handle(client.execute("print hi"))
    #expect(channel.replies.last?.content["execution_count"] == 2)
  }

  @Test func silentCellsPublishNothingAndDoNotCount() {
    let core = self.core
    core.handle(client.execute("print hi", ["silent": true]))
    #expect(types(channel.published) == ["status:busy", "status:idle"])
    #expect(channel.replies.last?.content["execution_count"] == 0)
    core.handle(client.execute("result 1", ["store_history": false]))
    #expect(channel.replies.last?.content["execution_count"] == 0)
  }

  @Test func streamTextIsPublishedBeforeIdle() {
    let core = self.core
    core.handle(client.execute("print hello"))
    let stream = channel.published.first { $0.msgType == "stream" }
    #expect(stream?.content["name"] == "stdout")
    #expect(stream?.content["text"] == "hello\n")
  }

  @Test func errorIsOneMessageAndAbortsTheExecutesAlreadyQueued() {
    let core = self.core
    channel.queue(client.execute("print queued"))
    channel.queue(client.request("kernel_info_request", [:]))
    core.handle(client.execute("fail"))
    #expect(
      types(channel.published).prefix(4) == [
        "status:busy", "execute_input", "error", "status:idle",
      ])
    #expect(channel.replies.map { $0.content["status"] } == ["error", "aborted", "ok"])
    #expect(channel.replies[0].content["ename"] == "Boom")
    #expect(!interpreter.executed.contains("print queued"))
    #expect(types(channel.published).count == 8)  // each queued request has its busy/idle
    core.handle(client.execute("print later"))
    #expect(channel.replies.last?.content["status"] == "ok")
  }

  @Test func stopOnErrorFalseDoesNotAbort() {
    let core = self.core
    channel.queue(client.execute("print queued"))
    core.handle(client.execute("fail", ["stop_on_error": false]))
    #expect(channel.takeQueuedRequests().count == 1)  // left for the transport
    core.handle(client.execute("print next"))
    #expect(channel.replies.last?.content["status"] == "ok")
  }

  @Test func kernelInfoAndUnknownTypes() {
    let core = self.core
    core.handle(client.request("kernel_info_request", [:]))
    let info = channel.replies.last?.content
    #expect(info?["protocol_version"] == .string(MessageHeader.protocolVersion))
    #expect(info?["language_info"]?["name"] == "swift")
    #expect(info?["language_info"]?["file_extension"] == ".swift")
    channel.clear()
    core.handle(client.request("no_such_request", [:]))
    #expect(channel.replies.isEmpty)
    #expect(types(channel.published) == ["status:busy", "status:idle"])
  }

  @Test func malformedContentGetsAnErrorReply() {
    let core = self.core
    core.handle(client.request("execute_request", ["code": 42]))
    #expect(channel.replies.last?.content["status"] == "error")
    #expect(interpreter.executed.isEmpty)
  }

  @Test func completeInspectIsComplete() {
    let core = self.core
    core.handle(client.request("complete_request", ["code": "pr", "cursor_pos": 99]))
    #expect(channel.replies.last?.content["matches"] == ["print"])
    #expect(channel.replies.last?.content["cursor_end"] == 2)
    core.handle(client.request("inspect_request", ["code": "print", "cursor_pos": 5]))
    #expect(channel.replies.last?.content["found"] == true)
    core.handle(client.request("inspect_request", ["code": "zzz", "cursor_pos": 3]))
    #expect(channel.replies.last?.content["found"] == false)
    #expect(channel.replies.last?.content["status"] == "ok")
    core.handle(client.request("is_complete_request", ["code": "f("]))
    #expect(channel.replies.last?.content["status"] == "incomplete")
    #expect(channel.replies.last?.content["indent"] == "  ")
  }

  @Test func historyTailRangeSearch() {
    let core = self.core
    for code in ["result 1", "result 12", "print x", "result 12"] {
      core.handle(client.execute(code))
    }
    core.handle(
      client.request("history_request", ["hist_access_type": "tail", "n": 2, "output": true]))
    #expect(
      channel.replies.last?.content["history"] == [
        [1, 3, ["print x", nil]], [1, 4, ["result 12", "12"]],
      ])
    core.handle(
      client.request(
        "history_request", ["hist_access_type": "range", "session": 1, "start": 2, "stop": 3]))
    #expect(channel.replies.last?.content["history"] == [[1, 2, "result 12"]])
    core.handle(
      client.request("history_request", ["hist_access_type": "search", "pattern": "result 1*"]))
    #expect(channel.replies.last?.content["history"]?.arrayCount == 3)
    core.handle(
      client.request(
        "history_request", ["hist_access_type": "search", "pattern": "result 1*", "unique": true]))
    #expect(
      channel.replies.last?.content["history"] == [[1, 1, "result 1"], [1, 4, "result 12"]])
    core.handle(
      client.request("history_request", ["hist_access_type": "search", "pattern": "*", "n": 1]))
    #expect(channel.replies.last?.content["history"] == [[1, 4, "result 12"]])
  }

  @Test func pagerPayloadAndUserExpressions() {
    let core = self.core
    core.handle(client.execute("page help text", ["user_expressions": ["a": "x", "b": "bad"]]))
    let reply = channel.replies.last?.content
    #expect(
      reply?["payload"] == [["source": "page", "data": ["text/plain": "help text"], "start": 0]])
    #expect(reply?["user_expressions"]?["a"]?["data"]?["text/plain"] == "<x>")
    #expect(reply?["user_expressions"]?["b"]?["status"] == "error")
  }

  @Test func displaysAndStdin() {
    let core = self.core
    core.handle(client.execute("display pic"))
    let display = channel.published.first { $0.msgType == "display_data" }
    #expect(display?.content["transient"]?["display_id"] == "d1")
    channel.queueInput("Ada")
    core.handle(client.execute("input"))
    #expect(channel.inputRequests.last?.content["prompt"] == "name? ")
    #expect(channel.inputRequests.last?.identities == [Array("client-id".utf8)])
    #expect(
      channel.published.last { $0.msgType == "execute_result" }?.content["data"]?["text/plain"]
        == "Ada")
    core.handle(client.execute("input", ["allow_stdin": false]))
    #expect(
      channel.published.last { $0.msgType == "execute_result" }?.content["data"]?["text/plain"]
        == "<none>")
  }

  @Test func commsAndShutdown() {
    let core = self.core
    core.handle(client.request("comm_open", ["comm_id": "c1", "target_name": "nope", "data": [:]]))
    #expect(
      channel.published.contains { $0.msgType == "comm_close" && $0.content["comm_id"] == "c1" })
    core.handle(client.request("comm_info_request", [:]))
    #expect(channel.replies.last?.content["comms"] == [:])
    core.handle(client.request("shutdown_request", ["restart": true]))
    #expect(channel.replies.last?.content["restart"] == true)
    #expect(core.shutdownRequested == true)
    #expect(interpreter.shutdownCalls == [true])
  }

  @Test func interruptWhileIdleDoesNotHitTheNextCell() {
    let core = self.core
    token.cancel()
    core.handle(client.execute("print ok"))
    #expect(channel.replies.last?.content["status"] == "ok")
  }

  @Test func aCellThatReturnsAfterAnInterruptEndsAsInterrupted() {
    core.handle(client.execute("cancelme"))
    #expect(channel.replies.last?.content["ename"] == "Interrupted")
  }

  @Test func interruptFromAnotherThreadEndsARunningCell() {
    let core = self.core
    let token = self.token
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.1)
      token.cancel()
    }
    core.handle(client.execute("spin"))
    #expect(channel.replies.last?.content["status"] == "error")
    #expect(channel.replies.last?.content["ename"] == "Interrupted")
    #expect(types(channel.published).suffix(2) == ["error", "status:idle"])
  }
}

extension JSONValue {
  var arrayCount: Int? {
    if case .array(let items) = self { return items.count }
    return nil
  }
}
