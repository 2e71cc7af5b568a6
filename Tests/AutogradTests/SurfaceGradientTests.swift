import Autograd
import Tensor
import Testing

/// Values away from whole numbers and halves (floor, ceil and rounding jump there).
func awayFromSteps() throws -> Tensor {
  try Tensor(shape: [2, 3], scalars: [0.2, 1.3, -0.7, 2.4, -1.8, 0.65])
}

let surfaceElementwiseCases: [OpCase] = [
  OpCase("sin", { [try random([2, 3], seed: 100, low: -3, high: 3)] }) { $0[0].sin() },
  OpCase("cos", { [try random([2, 3], seed: 101, low: -3, high: 3)] }) { $0[0].cos() },
  OpCase("sign", { [try awayFromZero([5], seed: 102)] }) { try $0[0].sign() + $0[0] },
  OpCase("floor", { [try awayFromSteps()] }) { try $0[0].floor() * $0[0] },
  OpCase("ceil", { [try awayFromSteps()] }) { try $0[0].ceil() * $0[0] },
  OpCase("rounded", { [try awayFromSteps()] }) { try $0[0].rounded() * $0[0] },
  OpCase("clamped", { [try Tensor(shape: [5], scalars: [-0.9, -0.3, 0.1, 0.7, 0.45])] }) {
    $0[0].clamped(min: -0.5, max: 0.5)
  },
  OpCase(
    "pow tensor exponent",
    { [try random([2, 3], seed: 103, low: 0.5, high: 2), try random([3], seed: 104)] }
  ) {
    try $0[0].pow($0[1])
  },
  OpCase("select (where)", { [try random([2, 3], seed: 105), try random([3], seed: 106)] }) {
    try select(try Tensor(shape: [2, 3], scalars: [1, 0, 1, 0, 0, 1]), $0[0], $0[1])
  },
]

let surfaceReductionCases: [OpCase] = [
  OpCase("max axis 1", { [try distinct([3, 4], seed: 110)] }) { try $0[0].max(axes: [1]) },
  OpCase("min axes keepdims", { [try distinct([2, 3, 2], seed: 111)] }) {
    try $0[0].min(axes: [0, 2], keepingDims: true)
  },
  OpCase("max all", { [try distinct([2, 3], seed: 112)] }) { try $0[0].max() },
  OpCase(
    "product axis 1 with a zero",
    { [try Tensor(shape: [2, 3], scalars: [0.5, 0, -1.2, 1.5, 0.8, -0.6])] }
  ) {
    try $0[0].product(axes: [1])
  },
  OpCase("product all", { [try random([2, 3], seed: 113, low: 0.5, high: 1.5)] }) {
    try $0[0].product()
  },
  OpCase("cumulative sum", { [try random([2, 4], seed: 114)] }) {
    try $0[0].cumulativeSum(axis: 1)
  },
  OpCase("cumulative sum reverse", { [try random([3, 2], seed: 115)] }) {
    try $0[0].cumulativeSum(axis: 0, reverse: true)
  },
  OpCase("variance axis 0", { [try random([4, 3], seed: 116)] }) { try $0[0].variance(axes: [0]) },
  OpCase("standard deviation unbiased", { [try random([2, 5], seed: 117)] }) {
    try $0[0].standardDeviation(axes: [1], unbiased: true)
  },
  OpCase("norm", { [try random([2, 3], seed: 118)] }) {
    try $0[0].norm(axes: [1], keepingDims: true)
  },
]

let surfaceShapeCases: [OpCase] = [
  OpCase("broadcasted", { [try random([3, 1], seed: 120)] }) {
    try $0[0].broadcasted(to: [2, 3, 4]).squared()
  },
  OpCase("squeezed", { [try random([2, 1, 3], seed: 121)] }) { try $0[0].squeezed().squared() },
  OpCase("expanding shape", { [try random([2, 3], seed: 122)] }) {
    try $0[0].expandingShape(at: 1).squared()
  },
  OpCase("stack", { [try random([2, 3], seed: 123), try random([2, 3], seed: 124)] }) {
    try stack([$0[0], $0[1] * 2], axis: 1)
  },
  OpCase("split", { [try random([5, 2], seed: 125)] }) { v in
    let parts = try v[0].split(sizes: [2, 3], axis: 0)
    return try concat([parts[1].squared(), parts[0] * 3], axis: 0)
  },
  OpCase("masked", { [try random([2, 3], seed: 126)] }) {
    try $0[0].masked(by: try Tensor(shape: [2, 3], scalars: [0, 1, 1, 0, 1, 0])).squared()
  },
]

@Suite struct SurfaceGradientTests {
  @Test(arguments: surfaceElementwiseCases + surfaceReductionCases + surfaceShapeCases)
  func gradientMatchesFiniteDifferences(_ op: OpCase) throws {
    let report = try checkGradients(op.inputs(), op.f)
    #expect(report.passed, "\(op.name): \(report)")
  }

  @Test func productOfOthersIsExactWithZeros() throws {
    let x = Variable(try Tensor(shape: [3], scalars: [2, 0, 5]), requiresGrad: true)
    try x.product().backward()
    #expect(x.grad?.scalars == [0, 10, 0])
  }

  @Test func maxSharesTheGradientAmongTies() throws {
    let x = Variable(try Tensor(shape: [4], scalars: [3, 1, 3, 2]), requiresGrad: true)
    try x.max().backward()
    #expect(x.grad?.scalars == [0.5, 0, 0.5, 0])
  }

  @Test func forwardValues() throws {
    let x = Variable(try Tensor([[1, 2, 3], [4, 5, 6]]))
    #expect(try x.variance(axes: [1]).value.scalars.map { ($0 * 1e4).rounded() } == [6667, 6667])
    #expect(
      try x.standardDeviation(axes: [0], unbiased: true).value.scalars.map { ($0 * 1e4).rounded() }
        == [21213, 21213, 21213])
    #expect(try x.norm().value.scalars.map { ($0 * 1e4).rounded() } == [95394])
    #expect(
      try select(
        try Tensor(shape: [3], scalars: [1, 0, 1]), Variable(Tensor([1, 2, 3])), Variable(Tensor(0))
      ).value.scalars == [1, 0, 3])
    #expect(try x.masked(by: try Tensor([[0, 1, 0], [1, 0, 1]])).value.scalars == [2, 4, 6])
    #expect(try stack([x, x], axis: 2).shape == [2, 3, 2])
  }
}
