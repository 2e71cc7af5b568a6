import Tensor
import Testing

@Suite struct MathTests {
  @Test func broadcastingCoversNCHWBias() throws {
    let x = try Tensor(ones: [2, 3, 2, 2])
    let b = try Tensor(shape: [1, 3, 1, 1], scalars: [1, 2, 3])
    let y = try x * b
    #expect(try y.sum(axes: [0, 2, 3]).scalars == [8, 16, 24])
    let outer = try Tensor(shape: [3, 1], scalars: [1, 2, 3]) + Tensor([10, 20])
    #expect(outer == (try Tensor([[11, 21], [12, 22], [13, 23]])))
  }

  @Test func unaryFunctions() throws {
    let x = Tensor([-2, 0, 4])
    #expect(x.abs().scalars == [2, 0, 4])
    #expect(x.clamped(min: -1, max: 1).scalars == [-1, 0, 1])
    #expect(Tensor([1, 4]).sqrt().scalars == [1, 2])
    #expect(Tensor([2, 3]).pow(2).scalars == [4, 9])
    #expect(abs(try Tensor([1]).exp().item - 2.7182817) < 1e-6)
    #expect(try Tensor([1]).log().item == 0)
    #expect((-x).scalars == [2, 0, -4])
    #expect((1 - x / 2).scalars == [2, 1, -1])
  }

  @Test func comparisonsAndWhere() throws {
    let a = Tensor([1, 5, 3]), b = Tensor([2, 5, 1])
    #expect(try (a .< b).scalars == [1, 0, 0])
    #expect(try (a .== b).scalars == [0, 1, 0])
    #expect((a .>= 3).scalars == [0, 1, 1])
    #expect(try Tensor.where(a .> b, a, b).scalars == [2, 5, 3])
    #expect(try Tensor.where(a .> 2, a, Tensor(0)).scalars == [0, 5, 3])
  }

  @Test func reductions() throws {
    let m = try Tensor([[1, 5, 3], [4, 2, 6]])
    #expect(try m.sum().item == 21)
    #expect(try m.sum(axes: [0]).scalars == [5, 7, 9])
    #expect(try m.sum(axes: [1], keepingDims: true).shape == [2, 1])
    #expect(try m.mean(axes: [-1]).scalars == [3, 4])
    #expect(try m.max(axes: [1]).scalars == [5, 6])
    #expect(try m.min().item == 1)
    #expect(try m.argmax(axis: 1).scalars == [1, 2])
    #expect(try m.variance(axes: [1]).scalars == [Float(8) / 3, Float(8) / 3])
    #expect(try m.variance(axes: [1], unbiased: true).scalars == [4, 4])
    #expect(throws: TensorError.self) { try m.sum(axes: [2]) }
    #expect(throws: TensorError.self) { try Tensor(zeros: [0]).max() }
  }

  @Test func matmulShapes() throws {
    let a = try Tensor(ones: [2, 3, 4]), b = try Tensor(ones: [4, 5])
    let c = try Tensor.matmul(a, b)
    #expect(c.shape == [2, 3, 5] && c.scalars.allSatisfy { $0 == 4 })
    #expect(try Tensor.matmul(Tensor([1, 2]), Tensor([[1, 0], [0, 1]])).scalars == [1, 2])
    #expect(throws: TensorError.self) { try Tensor.matmul(b, a) }
    let t = try Tensor.matmul(
      Tensor([[1, 2], [3, 4]]), Tensor([[1, 2], [3, 4]]), transposeA: true)
    #expect(t == (try Tensor([[10, 14], [14, 20]])))
  }

  @Test func largeMatmulMatchesNaive() throws {
    var rng = SeededGenerator(seed: 3)
    let a = try Tensor.randomUniform(shape: [150, 70], low: -1, high: 1, using: &rng)
    let b = try Tensor.randomUniform(shape: [70, 90], low: -1, high: 1, using: &rng)
    let c = try Tensor.matmul(a, b)
    for (i, j) in [(0, 0), (149, 89), (77, 13), (64, 64)] {
      var s: Double = 0
      for k in 0..<70 { s += Double(a.scalars[i * 70 + k]) * Double(b.scalars[k * 90 + j]) }
      #expect(abs(Double(c.scalars[i * 90 + j]) - s) < 1e-4)
    }
  }
}
