import Cancellation
import Display
import Testing

@testable import JupyterProtocol

@Suite struct ControlAndStreamTests {
  let channel = InMemoryChannel()
  let client = Client()
  let token = CancellationToken()

  var control: ControlCore {
    ControlCore(
      kernelInfo: ScriptedInterpreter().kernelInfo, factory: MessageFactory(),
      cancellation: token, channel: channel)
  }

  @Test func interruptCancelsTheToken() {
    let response = control.handle(client.request("interrupt_request", [:]))
    #expect(token.isCancelled)
    #expect(response.reply?.msgType == "interrupt_reply")
    #expect(response.shutdown == nil)
    #expect(channel.published.map { $0.content["execution_state"] } == ["busy", "idle"])
  }

  @Test func shutdownSaysRestart() {
    let response = control.handle(client.request("shutdown_request", ["restart": true]))
    #expect(response.shutdown == true)
    #expect(response.reply?.content["restart"] == true)
    #expect(response.reply?.content["status"] == "ok")
  }

  @Test func debugIsUnsupportedAndKernelInfoAnswers() {
    let debug = control.handle(
      client.request("debug_request", ["seq": 3, "command": "initialize"]))
    #expect(debug.reply?.content["success"] == false)
    #expect(debug.reply?.content["request_seq"] == 3)
    let info = control.handle(client.request("kernel_info_request", [:]))
    #expect(info.reply?.content["implementation"] == "scripted")
    #expect(control.handle(client.request("bogus", [:])).reply == nil)
  }

  @Test func streamBufferCoalescesWrites() {
    let buffer = StreamBuffer(channel: channel, factory: MessageFactory(), maxAge: .seconds(60))
    let parent = client.execute("x")
    for index in 0..<1000 { buffer.append("\(index)\n", to: .stdout, parent: parent) }
    #expect(channel.published.isEmpty)
    buffer.flush()
    #expect(channel.published.count == 1)
    let lines = channel.published[0].content["text"]?.stringValue?.split(separator: "\n")
    #expect(lines?.count == 1000)
    #expect(lines?.last == "999")
  }

  @Test func streamBufferKeepsStreamsInOrderAndFlushesBySize() {
    let buffer = StreamBuffer(
      channel: channel, factory: MessageFactory(), maxBytes: 10,
      maxAge: .seconds(60))
    let parent = client.execute("x")
    buffer.append("out", to: .stdout, parent: parent)
    buffer.append("err", to: .stderr, parent: parent)
    buffer.append("0123456789", to: .stderr, parent: parent)
    #expect(channel.published.map { $0.content["name"] } == ["stdout", "stderr"])
    #expect(channel.published.last?.content["text"] == "err0123456789")
  }
}
