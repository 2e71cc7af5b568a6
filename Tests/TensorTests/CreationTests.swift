import Tensor
import Testing

@Suite struct CreationTests {
  @Test func initialisersFillAndCheckShapes() throws {
    #expect(try Tensor(zeros: [2, 3]).scalars == [Float](repeating: 0, count: 6))
    #expect(try Tensor(ones: [2]).scalars == [1, 1])
    #expect(try Tensor(repeating: 7, shape: [1, 2]).scalars == [7, 7])
    #expect(Tensor(3).rank == 0)
    #expect(try Tensor(3).item == 3)
    #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
    #expect(throws: TensorError.self) { try Tensor(zeros: [2, -1]) }
    #expect(throws: TensorError.self) { try Tensor(ones: [2]).item }
  }

  @Test func nestedArraysMustNotBeRagged() throws {
    let t = try Tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
    #expect(t.shape == [2, 2, 2])
    #expect(t.scalars == [1, 2, 3, 4, 5, 6, 7, 8])
    #expect(throws: TensorError.self) { try Tensor([[1, 2], [3]]) }
    #expect(throws: TensorError.self) { try Tensor([[[1, 2]], [[3, 4], [5, 6]]]) }
  }

  @Test func rangesAndIdentity() throws {
    #expect(try Tensor.arange(5).scalars == [0, 1, 2, 3, 4])
    #expect(try Tensor.arange(1, 2, step: 0.25).scalars == [1, 1.25, 1.5, 1.75])
    #expect(try Tensor.arange(3, 0, step: -1).scalars == [3, 2, 1])
    #expect(throws: TensorError.self) { try Tensor.arange(0, 1, step: 0) }
    #expect(throws: TensorError.self) { try Tensor.arange(0, 1e30) }
    #expect(try Tensor.linspace(0, 1, count: 5).scalars == [0, 0.25, 0.5, 0.75, 1])
    #expect(try Tensor.eye(3).scalars == [1, 0, 0, 0, 1, 0, 0, 0, 1])
  }

  @Test func hugeTensorIsACatchableError() {
    #expect {
      try Tensor(zeros: [1 << 20, 1 << 20, 1 << 10])
    } throws: { error in
      if case TensorError.outOfMemory = error { return true }
      return false
    }
    #expect(throws: TensorError.self) { try Tensor(zeros: [Int.max, 4]) }
  }

  @Test func seededRandomnessIsReproducible() throws {
    var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
    let x = try Tensor.randomNormal(shape: [1000], mean: 1, std: 2, using: &a)
    let y = try Tensor.randomNormal(shape: [1000], mean: 1, std: 2, using: &b)
    let z = try Tensor.randomNormal(shape: [1000], mean: 1, std: 2, using: &c)
    #expect(x == y)
    #expect(x != z)
    let mean = try x.mean().item, std = try x.variance().item.squareRoot()
    #expect(abs(mean - 1) < 0.2 && abs(std - 2) < 0.2)
    let u = try Tensor.randomUniform(shape: [1000], low: -2, high: 3, using: &a)
    #expect(u.scalars.allSatisfy { $0 >= -2 && $0 < 3 })
    let mask = try Tensor.bernoulli(shape: [1000], p: 0.3, using: &a)
    let ones = mask.scalars.filter { $0 == 1 }.count
    #expect(mask.scalars.allSatisfy { $0 == 0 || $0 == 1 } && ones > 230 && ones < 370)
  }
}
