import Tensor
import Testing

@Suite struct DescriptionTests {
  @Test func integersPrintWithoutDecimals() throws {
    #expect(try Tensor([[7, 2], [10, 3]]).description == "[[ 7,  2],\n [10,  3]]")
  }

  @Test func fractionsAreAligned() {
    #expect(Tensor([0.5, 1.25, -3]).description == "[ 0.5, 1.25,  -3.]")
    #expect(Tensor(2.5).description == "2.5")
  }

  @Test func rank3SeparatesBlocksWithABlankLine() throws {
    let t = try Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
    #expect(t.description == "[[[1, 2]],\n\n [[3, 4]]]")
  }

  @Test func largeTensorsAreTruncated() throws {
    let t = try Tensor.arange(2000)
    #expect(t.description == "[   0,    1,    2, ..., 1997, 1998, 1999]")
    #expect(t.debugDescription.hasPrefix("Tensor(shape: [2000])\n"))
  }

  /// An empty tensor prints as brackets only, however long its other axes (a fuzzer's find: the
  /// formatter listed every position of the 3,037,000,500-long axis).
  @Test func emptyTensorsWithHugeAxesPrintAsBrackets() throws {
    #expect(try Tensor(zeros: [3_037_000_500, 0, 0]).description == "[[[]]]")
    #expect(try Tensor(zeros: [0, 1 << 40]).description == "[[]]")
  }
}
