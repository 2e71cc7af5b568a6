import Display
import Foundation
import Testing

@testable import JupyterProtocol

@Suite struct MessageTests {
  @Test func jsonValueKeepsIntegersDoublesAndBooleansApart() throws {
    let text = #"{"a":1,"b":1.5,"c":true,"d":null,"e":["x",2],"f":{"g":"h"}}"#
    let value = try JSONValue(jsonData: Data(text.utf8))
    #expect(value["a"] == .int(1))
    #expect(value["b"] == .double(1.5))
    #expect(value["c"] == .bool(true))
    #expect(value["d"] == .null)
    #expect(value["e"] == ["x", 2])
    #expect(value["f"]?["g"] == "h")
    let again = try JSONValue(jsonData: try value.jsonData())
    #expect(again == value)
  }

  @Test func jsonValueKeepsKeysWithUnderscoresAndSlashes() throws {
    let value: JSONValue = ["text/plain": "1", "user_expressions": ["my_var": "x"]]
    let text = String(decoding: try value.jsonData(), as: UTF8.self)
    #expect(text.contains("\"text/plain\""))
    #expect(text.contains("\"my_var\""))
  }

  @Test func headerDecodesLenientlyAndEncodesSnakeCase() throws {
    let header = try JSONValue(jsonData: Data(#"{"msg_type":"execute_request","msg_id":"1"}"#.utf8))
      .decode(MessageHeader.self)
    #expect(header.msgType == "execute_request")
    #expect(header.session == "")
    let encoded = try JSONValue(encoding: MessageFactory().header("status"))
    #expect(encoded["msg_type"] == "status")
    #expect(encoded["version"] == .string(MessageHeader.protocolVersion))
    #expect(encoded["date"]?.stringValue?.hasSuffix("Z") == true)
  }

  @Test func replyKeepsIdentitiesAndParent() {
    let factory = MessageFactory(session: "kernel")
    var request = factory.message("complete_request", content: [:], parent: nil)
    request.identities = [[1, 2, 3]]
    let reply = factory.reply(to: request, content: ["status": "ok"])
    #expect(reply.msgType == "complete_reply")
    #expect(reply.identities == [[1, 2, 3]])
    #expect(reply.parentHeader == request.header)
    #expect(reply.header.msgId != request.header.msgId)
  }

  @Test func executeRequestDefaultsFollowTheSpec() throws {
    let silent = try (["code": "1", "silent": true] as JSONValue).decode(ExecuteRequest.self)
    #expect(silent.storeHistory == false)
    #expect(silent.stopOnError == true)
    let plain = try (["code": "1"] as JSONValue).decode(ExecuteRequest.self)
    #expect(plain.storeHistory && plain.allowStdin && !plain.silent)
    #expect(throws: (any Error).self) {
      try (["silent": true] as JSONValue).decode(ExecuteRequest.self)
    }
  }

  @Test func timestampIsISO8601WithMicroseconds() {
    let stamp = jupyterTimestamp(Date(timeIntervalSince1970: 1.25))
    #expect(stamp == "1970-01-01T00:00:01.250000Z")
  }
}
