import Tensor
import Testing

@Suite struct TensorBasicsTests {
  @Test func broadcastingAdd() throws {
    let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor([10, 20, 30])
    #expect((try a + b).scalars == [11, 22, 33, 14, 25, 36])
    #expect(throws: TensorError.self) { try a + Tensor([1, 2]) }
  }

  @Test func matmulMatchesHandComputation() throws {
    let a = try Tensor([[1, 2], [3, 4]])
    let b = try Tensor([[5, 6], [7, 8]])
    #expect(try Tensor.matmul(a, b) == Tensor([[19, 22], [43, 50]]))
  }

  @Test func convMatchesDirectSum() throws {
    let x = try Tensor(shape: [1, 1, 3, 3], scalars: (1...9).map(Float.init))
    let w = try Tensor(ones: [1, 1, 2, 2])
    let y = try Kernels.conv2d(x, weight: w, bias: Tensor([1]))
    #expect(y.shape == [1, 1, 2, 2])
    #expect(y.scalars == [13, 17, 25, 29])
  }
}
