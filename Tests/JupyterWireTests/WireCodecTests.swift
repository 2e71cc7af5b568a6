import Display
import Foundation
import JupyterProtocol
import Testing

@testable import JupyterWire

@Suite struct WireCodecTests {
  let factory = MessageFactory(session: "s")

  func sample() -> Message {
    var message = factory.message(
      "execute_request", content: ["code": "1 + 1"], parent: nil,
      metadata: ["cell": "x"])
    message.identities = [[0, 1, 2], Array("peer".utf8)]
    message.buffers = [[9, 8, 7], []]
    return message
  }

  @Test func hmacMatchesRFC4231() throws {
    let signer = try #require(HMACSigner(key: Array("Jefe".utf8)))
    let signature = signer.sign([Array("what do ya want ".utf8), Array("for nothing?".utf8)])
    #expect(
      String(decoding: signature, as: UTF8.self)
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test func roundTripKeepsIdentitiesBuffersAndParts() throws {
    let codec = try WireCodec(key: "secret")
    let message = sample()
    let frames = try codec.encode(message)
    #expect(frames[2] == WireCodec.delimiter)
    #expect(frames[3].count == 64)
    #expect(frames.suffix(2) == [[9, 8, 7], []])
    let decoded = try WireCodec(key: "secret").decode(frames)
    #expect(decoded == message)
  }

  @Test func wrongMissingAndReplayedSignaturesAreRefused() throws {
    let frames = try WireCodec(key: "secret").encode(sample())
    #expect(throws: WireError.badSignature) { try WireCodec(key: "other").decode(frames) }
    var unsigned = frames
    unsigned[3] = []
    #expect(throws: WireError.missingSignature) { try WireCodec(key: "secret").decode(unsigned) }
    var tampered = frames
    tampered[7] = Array(#"{"code":"rm -rf"}"#.utf8)
    #expect(throws: WireError.badSignature) { try WireCodec(key: "secret").decode(tampered) }
    let receiver = try WireCodec(key: "secret")
    _ = try receiver.decode(frames)
    #expect(throws: WireError.replayedSignature) { try receiver.decode(frames) }
  }

  @Test func replayWindowForgetsOldSignatures() throws {
    let sender = try WireCodec(key: "k")
    let receiver = try WireCodec(key: "k", replayWindow: 2)
    let first = try sender.encode(sample())
    _ = try receiver.decode(first)
    _ = try receiver.decode(try sender.encode(sample()))
    _ = try receiver.decode(try sender.encode(sample()))
    #expect(throws: Never.self) { try receiver.decode(first) }
  }

  @Test func emptyKeyMeansNoSignature() throws {
    let frames = try WireCodec(key: "").encode(sample())
    #expect(frames[3].isEmpty)
    #expect(try WireCodec(key: "").decode(frames).msgType == "execute_request")
  }

  @Test func malformedFramesAreErrorsNotCrashes() throws {
    let codec = try WireCodec(key: "")
    #expect(throws: WireError.missingDelimiter) { try codec.decode([[1], [2]]) }
    #expect(throws: WireError.tooFewFrames(2)) { try codec.decode([WireCodec.delimiter, [], []]) }
    let bad: [[UInt8]] = [
      WireCodec.delimiter, [], Array("{nope".utf8), [123, 125], [123, 125], [123, 125],
    ]
    #expect(throws: WireError.malformed("header is not valid JSON")) { try codec.decode(bad) }
    let noType: [[UInt8]] = [
      WireCodec.delimiter, [], [123, 125], [123, 125], [123, 125], [123, 125],
    ]
    #expect(throws: WireError.malformed("header has no msg_type")) { try codec.decode(noType) }
    var arrayContent = try codec.encode(sample())
    arrayContent[7] = Array("[1]".utf8)
    #expect(throws: WireError.malformed("content is not an object")) {
      try codec.decode(arrayContent)
    }
    #expect(throws: WireError.missingDelimiter) { try codec.decode([]) }
  }

  @Test func emptyParentHeaderDecodesAsNone() throws {
    let codec = try WireCodec(key: "k")
    let reply = factory.reply(to: sample(), content: ["status": "ok"])
    let decoded = try WireCodec(key: "k").decode(try codec.encode(reply))
    #expect(decoded.parentHeader?.msgType == "execute_request")
    let orphan = try WireCodec(key: "k").decode(
      try codec.encode(factory.message("status", content: [:], parent: nil)))
    #expect(orphan.parentHeader == nil)
  }
}
