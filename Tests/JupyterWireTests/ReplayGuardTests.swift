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

  @Test func aReusedMsgIdIsRefusedEvenWithOtherContent() throws {
    let replays = ReplayGuard()
    let receiver = try WireCodec(key: "k", replays: replays)
    let sender = try WireCodec(key: "k")
    var first = request("execute_request")
    first.content = ["code": "1"]
    var second = first
    second.content = ["code": "2"]  // same header (msg_id), other content: another signature
    let (a, b) = (try sender.encode(first), try sender.encode(second))
    #expect(a[3] != b[3])
    _ = try receiver.decode(a)
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

  @Test func aMessageWithoutMsgIdIsRememberedByItsSignature() throws {
    let replays = ReplayGuard()
    #expect(replays.admit(signature: Array("00ff".utf8), msgId: ""))
    #expect(!replays.admit(signature: Array("00ff".utf8), msgId: ""))
    #expect(replays.admit(signature: Array("00fe".utf8), msgId: ""))
  }

  @Test func signatureFingerprintReadsTheFirstSixteenHexDigits() {
    let hex = Array("0123456789abcdef0011".utf8)
    #expect(ReplayGuard.fingerprint(signature: hex) == 0x0123_4567_89ab_cdef)
    #expect(ReplayGuard.fingerprint(msgId: "a") == ReplayGuard.fingerprint(msgId: "a"))
    #expect(ReplayGuard.fingerprint(msgId: "a") != ReplayGuard.fingerprint(msgId: "b"))
  }
}
