import Tensor
import Testing

@Suite struct StatisticsTests {
  let x = try! Tensor([[1, 2, 3], [4, 5, 6]])

  @Test func productOverAxes() throws {
    #expect(try x.product().scalars == [720])
    #expect(try x.product(axes: [0]).scalars == [4, 10, 18])
    #expect(try x.product(axes: [1], keepingDims: true).shape == [2, 1])
    #expect(try x.product(axes: [-1]).scalars == [6, 120])
  }

  @Test func cumulativeSumBothWays() throws {
    #expect(try x.cumulativeSum(axis: 1).scalars == [1, 3, 6, 4, 9, 15])
    #expect(try x.cumulativeSum(axis: 0).scalars == [1, 2, 3, 5, 7, 9])
    #expect(try x.cumulativeSum(axis: 1, reverse: true).scalars == [6, 5, 3, 15, 11, 6])
    #expect(throws: TensorError.self) { try x.cumulativeSum(axis: 2) }
  }

  @Test func argminTakesTheFirstOnTies() throws {
    let t = try Tensor([[3, 1, 1], [0, 5, 0]])
    #expect(try t.argmin(axis: 1).scalars == [1, 0])
    #expect(try t.argmin(axis: 0).scalars == [1, 0, 1])
  }

  @Test func broadcastMismatchNamesShapesAxisAndRule() throws {
    let error = #expect(throws: TensorError.self) { try Tensor(zeros: [2, 3]) + Tensor([1, 2]) }
    #expect(
      error?.description
        == "shape mismatch: cannot broadcast [2, 3] with [2]: axis -1 has sizes 3 and 2 "
        + "(shapes align from the last axis; sizes must be equal or one of them 1)")
    #expect(try Tensor.broadcastShape([3, 1], [4]) == [3, 4])
  }

  @Test func splitRejectsHugeSizesWithoutOverflow() throws {
    #expect(throws: TensorError.self) { try x.split(sizes: [Int.max, Int.max], axis: 1) }
  }
}
