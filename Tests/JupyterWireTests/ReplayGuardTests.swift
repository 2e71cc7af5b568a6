import Display
import JupyterProtocol
import Testing

@testable import JupyterWire

@Suite struct ReplayGuardTests {
  let client = MessageFactory(session: "client")

  func request(_ type: String) -> Message {
    var message = client.message(type, content: [:], parent: nil)
    message.identities = [Array("peer".utf8)]
    return message
  }

  @Test func aMessageSeenOnOneChannelIsRefusedOnAnother() throws {
    let replays = ReplayGuard()
    let shell = try WireCodec(key: "k", replays: replays)
    let control = try WireCodec(key: "k", replays: replays)
    let frames = try WireCodec(key: "k").encode(request("interrupt_request"))
    #expect(try shell.decode(frames).msgType == "interrupt_request")
    #expect(throws: WireError.replayedSignature) { try control.decode(frames) }
    #expect(throws: WireError.replayedSignature) { try shell.decode(frames) }
    // a fresh interrupt is still accepted on control
    let fresh = try WireCodec(key: "k").encode(request("interrupt_request"))
    #expect(try control.decode(fresh).msgType == "interrupt_request")
  }

  @Test func codecsWithoutASharedGuardDoNotSeeEachOther() throws {
    let frames = try WireCodec(key: "k").encode(request("kernel_info_request"))
    _ = try WireCodec(key: "k").decode(frames)
    #expect(throws: Never.self) { try WireCodec(key: "k").decode(frames) }
  }

  @Test func aReusedMsgIdWithOtherContentIsNotAReplay() throws {
    // jupyter_client's KernelManager and its client share a session id and pid with separate
    // counters, so their msg_ids repeat: only the signed bytes identify a message.
    let receiver = try WireCodec(key: "k", replays: ReplayGuard())
    let sender = try WireCodec(key: "k")
    var first = request("execute_request")
    first.content = ["code": "1"]
    var second = first
    second.content = ["code": "2"]
    second.header.msgType = "interrupt_request"
    let (a, b) = (try sender.encode(first), try sender.encode(second))
    _ = try receiver.decode(a)
    #expect(try receiver.decode(b).msgType == "interrupt_request")
    #expect(throws: WireError.replayedSignature) { try receiver.decode(b) }
  }

  @Test func memoryIsBoundedByCountAndTheOldestIsForgottenFirst() throws {
    let replays = ReplayGuard(capacity: 3)
    let receiver = try WireCodec(key: "k", replays: replays)
    let sender = try WireCodec(key: "k")
    let sent = try (0..<10).map { _ in try sender.encode(request("kernel_info_request")) }
    for frames in sent { _ = try receiver.decode(frames) }
    #expect(replays.count == 3)
    #expect(throws: WireError.replayedSignature) { try receiver.decode(sent[9]) }
    #expect(throws: WireError.replayedSignature) { try receiver.decode(sent[7]) }
    #expect(throws: Never.self) { try receiver.decode(sent[0]) }  // forgotten: out of the window
    #expect(replays.count == 3)
  }

  @Test func unsignedMessagesAreNotTracked() throws {
    let replays = ReplayGuard()
    let receiver = try WireCodec(key: "", replays: replays)
    let frames = try WireCodec(key: "").encode(request("kernel_info_request"))
    _ = try receiver.decode(frames)
    _ = try receiver.decode(frames)
    #expect(replays.count == 0)
  }

  @Test func theGuardKnowsMessagesByTheirSignature() {
    let replays = ReplayGuard()
    #expect(replays.admit(signature: Array("00ff".utf8)))
    #expect(!replays.admit(signature: Array("00ff".utf8)))
    #expect(replays.admit(signature: Array("00fe".utf8)))
  }

  @Test func signatureFingerprintReadsTheFirstSixteenHexDigits() {
    let hex = Array("0123456789abcdef0011".utf8)
    #expect(ReplayGuard.fingerprint(signature: hex) == 0x0123_4567_89ab_cdef)
  }
}
