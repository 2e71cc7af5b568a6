import Cancellation
import Display
import Foundation
import Testing

@testable import JupyterProtocol

/// Comm routing to the interpreter's comm host, and subshell turns on the interpreter.
@Suite struct KernelCommsTests {
  /// A comm host that records what reaches it and answers each message on the same comm.
  final class EchoHost: CommHost {
    var channel: (any CommChannel)?
    var received: [(id: String, data: JSONValue)] = []
    var targetNames: [String] { ["echo"] }
    var openComms: [String: String] = ["c1": "echo", "c2": "other"]
    func attach(_ channel: any CommChannel) { self.channel = channel }
    func commOpened(
      id: String, target: String, data: JSONValue, buffers: [[UInt8]], sink: any OutputSink
    ) -> Bool {
      openComms[id] = target
      return true
    }
    func commMessage(id: String, data: JSONValue, buffers: [[UInt8]], sink: any OutputSink) -> Bool
    {
      guard openComms[id] != nil else { return false }
      received.append((id, data))
      sink.write("got it\n", to: .stdout)
      channel?.send(commId: id, data: ["echo": data], buffers: [])
      return true
    }
    func commClosed(id: String, data: JSONValue) { openComms[id] = nil }
  }

  final class CommInterpreter: KernelInterpreter {
    let scripted = ScriptedInterpreter()
    let host = EchoHost()
    var commHost: (any CommHost)? { host }
    var kernelInfo: KernelInfo { scripted.kernelInfo }
    func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
      scripted.execute(code, context: context)
    }
    func complete(_ code: String, cursor: Int) -> Completion {
      scripted.complete(code, cursor: cursor)
    }
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? { nil }
    func isComplete(_ code: String) -> Completeness { .complete }
  }

  let channel = InMemoryChannel()
  let interpreter = CommInterpreter()
  let client = Client()

  @Test func commsReachTheHostParentedToTheRequest() throws {
    let core = KernelCore(
      interpreter: interpreter, channel: channel, cancellation: CancellationToken())
    let message = client.request("comm_msg", ["comm_id": "c1", "data": ["x": 1]])
    core.handle(message)
    #expect(interpreter.host.received.map(\.id) == ["c1"])
    let sent = channel.published.filter { $0.msgType == "comm_msg" || $0.msgType == "stream" }
    #expect(sent.map(\.msgType) == ["stream", "comm_msg"])  // print text first
    #expect(sent.allSatisfy { $0.parentHeader == message.header })
    #expect(sent[1].content["data"] == ["echo": ["x": 1]])
  }

  @Test func unknownCommsAndTargets() {
    let core = KernelCore(
      interpreter: interpreter, channel: channel, cancellation: CancellationToken())
    core.handle(client.request("comm_msg", ["comm_id": "nope", "data": [:]]))
    core.handle(
      client.request("comm_open", ["comm_id": "c9", "target_name": "unknown", "data": [:]]))
    let closes = channel.published.filter { $0.msgType == "comm_close" }
    #expect(closes.map { $0.content["comm_id"] } == ["c9"])
    core.handle(client.request("comm_open", ["comm_id": "c3", "target_name": "echo", "data": [:]]))
    #expect(channel.published.filter { $0.msgType == "comm_close" }.count == 1)
    core.handle(client.request("comm_info_request", ["target_name": "echo"]))
    let comms = channel.replies.last?.content["comms"]
    #expect(comms == ["c1": ["target_name": "echo"], "c3": ["target_name": "echo"]])
  }

  @Test func aSubshellIsAnsweredWhileTheMainCellSpins() async throws {
    let token = CancellationToken()
    let main = KernelCore(interpreter: interpreter, channel: channel, cancellation: token)
    let subshell = KernelCore(subshellOf: main, id: "s1", channel: channel)
    let spin = client.execute("spin")
    let mainDone = DispatchSemaphore(value: 0)
    nonisolated(unsafe) let mainCore = main
    Thread {
      token.servingTurns { mainCore.handle(spin) }
      mainDone.signal()
    }.start()
    while !channel.published.contains(where: {
      $0.parentHeader == spin.header && $0.msgType == "execute_input"
    }) {
      try await Task.sleep(for: .milliseconds(5))
    }
    let complete = client.request("complete_request", ["code": "pr", "cursor_pos": 2])
    let started = ContinuousClock.now
    subshell.handle(complete)
    #expect(ContinuousClock.now - started < .seconds(1))
    #expect(
      channel.replies.contains {
        $0.parentHeader == complete.header && $0.msgType == "complete_reply"
      })
    #expect(!channel.replies.contains { $0.parentHeader == spin.header })  // still spinning
    token.cancel()
    mainDone.wait()
    #expect(channel.replies.contains { $0.parentHeader == spin.header })
  }
}
