import Autograd
import Tensor
import Testing

/// Gathers (reflect padding, repeat, tile, listed slices) and take-along-axis (top-k): forward
/// values and gradients by finite differences, including positions taken twice.
let gatherCases: [OpCase] = [
  OpCase("gathered reflect", { [try random([2, 3], seed: 130)] }) {
    try $0[0].gathered([1, 0, 1, 2, 1], axis: 1).squared()
  },
  OpCase("gathered repeat axis 0", { [try random([3, 2], seed: 131)] }) {
    try $0[0].gathered([0, 0, 1, 1, 2, 2], axis: 0) * $0[0].gathered([2, 1, 0, 2, 1, 0], axis: 0)
  },
  OpCase("gathered middle axis", { [try random([2, 3, 2], seed: 132)] }) {
    try $0[0].gathered([2, 0], axis: 1).squared()
  },
  OpCase("taken along axis 1", { [try random([2, 4], seed: 133)] }) {
    try $0[0].taken(along: 1, indices: try Tensor(shape: [2, 2], scalars: [3, 0, 1, 1])).squared()
  },
  OpCase("taken along axis 0", { [try random([3, 2], seed: 134)] }) {
    try $0[0].taken(along: 0, indices: try Tensor(shape: [1, 2], scalars: [2, 0])).squared()
  },
]

@Suite struct GatherGradientTests {
  @Test(arguments: gatherCases)
  func gradientMatchesFiniteDifferences(_ op: OpCase) throws {
    let report = try checkGradients(op.inputs(), op.f)
    #expect(report.passed, "\(op.name): \(report)")
  }

  @Test func forwardValuesAndScatteredGradients() throws {
    let x = Variable(try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), requiresGrad: true)
    let y = try x.gathered([2, 2, 0], axis: 1)
    #expect(y.value.scalars == [3, 3, 1, 6, 6, 4])
    try y.sum().backward()
    #expect(x.grad?.scalars == [1, 0, 2, 1, 0, 2])
    let picked = try x.taken(along: 1, indices: try Tensor(shape: [2, 1], scalars: [1, 2]))
    #expect(picked.value.scalars == [2, 6] && picked.shape == [2, 1])
    #expect(throws: TensorError.self) { try x.gathered([3], axis: 1) }
    #expect(throws: TensorError.self) {
      try x.taken(along: 1, indices: try Tensor(shape: [2, 1], scalars: [0.5, 1]))
    }
  }

  /// An empty tensor whose other axes are long (2³¹ · 65535 · 5 outer slices) gathers at once:
  /// nothing to copy, so nothing to loop over (this took hours, found by the runtime fuzzer).
  /// Broadcasting to an empty shape whose other axes are long (a fuzz find: the plan's strides,
  /// products of axis lengths, overflowed) gives the empty result and empty-shaped gradients.
  @Test func broadcastToAnEmptyShapeWithLongAxes() throws {
    let a = Variable(try Tensor(shape: [3, 1], scalars: [1, 2, 3]), requiresGrad: true)
    let b = Variable(try Tensor(shape: [1, 0, 2, 1, Int.max], scalars: []), requiresGrad: true)
    let sum = try a + b
    #expect(sum.shape == [1, 0, 2, 3, Int.max] && sum.value.count == 0)
    try sum.sum().backward()
    #expect(a.grad?.scalars == [0, 0, 0])
    #expect(b.grad?.shape == [1, 0, 2, 1, Int.max])
  }

  @Test func emptyTensorsWithLongAxesGatherAtOnce() throws {
    let x = Variable(try Tensor(shape: [65535, 5, 1 << 31, 0, 1], scalars: []), requiresGrad: true)
    let y = try x.gathered([], axis: 3)
    #expect(y.shape == [65535, 5, 1 << 31, 0, 1] && y.value.count == 0)
    let z = try x.gathered([0, 0], axis: 4)
    #expect(z.shape == [65535, 5, 1 << 31, 0, 2])
    let none = try x.taken(along: 2, indices: try Tensor(shape: [65535, 5, 0, 0, 1], scalars: []))
    #expect(none.shape == [65535, 5, 0, 0, 1])
    try z.sum().backward()
    #expect(x.grad?.shape == x.shape)
    let flat = Variable(try Tensor(shape: [0], scalars: []))
    #expect(throws: TensorError.self) {
      try flat.taken(along: 0, indices: try Tensor(shape: [1], scalars: [0]))
    }
  }
}
