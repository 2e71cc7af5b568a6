import Display
import Testing

@Test func base64RoundTripsEveryTailLength() {
  #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
  #expect(Base64.encode(Array("Ma".utf8)) == "TWE=")
  #expect(Base64.encode(Array("M".utf8)) == "TQ==")
  for length in 0..<40 {
    let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }
  #expect(Base64.decode("T!==") == nil)
}

@Test func bundleKeepsPlainTextAndAddsBinaryAsBase64() {
  var bundle = MimeBundle(plain: "x")
  bundle.add("image/png", bytes: [0x89, 0x50], metadata: ["width": 2])
  #expect(bundle.plainText == "x")
  #expect(bundle.data["image/png"] == "iVA=")
  #expect(bundle.metadata["image/png"]?["width"] == 2)
}

@Test func recordingSinkKeepsOrderAndAnswersInput() {
  let sink = RecordingSink(inputLines: ["42"])
  sink.write("a", to: .stdout)
  sink.display(MimeBundle(plain: "p"), id: "d1")
  sink.update(MimeBundle(plain: "q"), id: "d1")
  sink.write("b", to: .stdout)
  #expect(sink.stdout == "ab")
  #expect(sink.events.count == 4)
  #expect(sink.readLine(prompt: "? ", password: false) == "42")
  #expect(sink.readLine(prompt: "? ", password: false) == nil)
}
