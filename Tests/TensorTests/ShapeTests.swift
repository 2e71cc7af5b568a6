import Tensor
import Testing

@Suite struct ShapeTests {
  let t = try! Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))

  @Test func reshapeInfersOneDimension() throws {
    #expect(try t.reshaped([4, -1]).shape == [4, 6])
    #expect(throws: TensorError.self) { try t.reshaped([5, -1]) }
    #expect(throws: TensorError.self) { try t.reshaped([-1, -1]) }
    #expect(try t.flattened().shape == [2, 12])
  }

  @Test func permuteAndTranspose() throws {
    let p = try t.permuted([2, 0, 1])
    #expect(p.shape == [4, 2, 3])
    #expect(try p[1, 1, 2].item == t.scalars[1 * 12 + 2 * 4 + 1])
    let m = try Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(m.transposed() == (try Tensor([[1, 4], [2, 5], [3, 6]])))
    #expect(throws: TensorError.self) { try t.permuted([0, 0, 1]) }
  }

  @Test func indexingAndSlicing() throws {
    #expect(try t[1].shape == [3, 4])
    #expect(try t[-1, 2].scalars == [20, 21, 22, 23])
    #expect(
      try t.indexed([.all, .at(0), .range(start: nil, end: nil, step: 2)]).scalars == [
        0, 2, 12, 14,
      ])
    #expect(
      try t.indexed([.at(0), .at(0), .range(start: nil, end: nil, step: -1)]).scalars == [
        3, 2, 1, 0,
      ])
    #expect(try t.slice(axis: 2, 1..<3).shape == [2, 3, 2])
    #expect(try t[0..<1].shape == [1, 3, 4])
    #expect(throws: TensorError.self) { try t[2] }
    #expect(throws: TensorError.self) { try t[0, 0, 0, 0] }
  }

  @Test func concatStackSplit() throws {
    let a = try Tensor([[1, 2]]), b = try Tensor([[3, 4], [5, 6]])
    #expect(try Tensor.concat([a, b], axis: 0) == Tensor([[1, 2], [3, 4], [5, 6]]))
    #expect(try Tensor.concat([b, b], axis: 1).scalars == [3, 4, 3, 4, 5, 6, 5, 6])
    #expect(throws: TensorError.self) { try Tensor.concat([a, b], axis: 1) }
    let s = try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1)
    #expect(s == (try Tensor([[1, 3], [2, 4]])))
    let parts = try t.split(sizes: [1, 2], axis: 1)
    #expect(parts.map(\.shape) == [[2, 1, 4], [2, 2, 4]])
    #expect(try Tensor.concat(parts, axis: 1) == t)
    #expect(throws: TensorError.self) { try t.split(count: 5, axis: 2) }
  }

  @Test func padAddsBorders() throws {
    let m = try Tensor([[1, 2], [3, 4]])
    let p = try m.padded([(1, 0), (0, 2)], value: 9)
    #expect(p == (try Tensor([[9, 9, 9, 9], [1, 2, 9, 9], [3, 4, 9, 9]])))
    #expect(throws: TensorError.self) { try m.padded([(-1, 0)]) }
  }
}
