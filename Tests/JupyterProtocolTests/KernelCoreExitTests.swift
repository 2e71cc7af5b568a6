import Cancellation
import Display
import Testing

@testable import JupyterProtocol

/// IPython's `ask_exit` payload: what jupyter console reads to shut the kernel down.
@Suite struct KernelCoreExitTests {
  let channel = InMemoryChannel()
  let client = Client()

  @Test func askExitBecomesThePayloadOfAnOkReply() throws {
    let core = KernelCore(
      interpreter: ScriptedInterpreter(), channel: channel,
      cancellation: CancellationToken())
    core.handle(client.execute("exit"))
    let reply = try #require(channel.replies.last)
    #expect(reply.content["status"] == "ok")
    #expect(reply.content["payload"] == [["source": "ask_exit", "keepkernel": false]])
    core.handle(client.execute("result 1"))
    #expect(channel.replies.last?.content["payload"] == [])
    #expect(core.shutdownRequested == nil)  // the front end decides; the kernel stays
  }
}
