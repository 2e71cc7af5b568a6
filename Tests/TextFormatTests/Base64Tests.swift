import Foundation
import Testing
import TextFormat

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

@Test func base64MatchesFoundation() {
  var state: UInt32 = 7
  for length in 0..<20 {
    let bytes = (0..<length).map { _ -> UInt8 in
      state = state &* 1_103_515_245 &+ 12_345
      return UInt8(truncatingIfNeeded: state >> 16)
    }
    #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
  }
}
