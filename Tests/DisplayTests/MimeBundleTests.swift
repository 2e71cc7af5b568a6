import Display
import Testing

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
