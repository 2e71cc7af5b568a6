import Autograd
import Tensor
import Testing

/// One op under a finite-difference gradient check.
struct OpCase: Sendable, CustomTestStringConvertible {
  let name: String
  let inputs: @Sendable () throws -> [Tensor]
  let f: @Sendable ([Variable]) throws -> Variable
  var testDescription: String { name }

  init(
    _ name: String, _ inputs: @escaping @Sendable () throws -> [Tensor],
    _ f: @escaping @Sendable ([Variable]) throws -> Variable
  ) {
    self.name = name
    self.inputs = inputs
    self.f = f
  }
}

/// Values at least 0.1 away from 0 (relu, abs and leaky relu have a kink there).
func awayFromZero(_ shape: [Int], seed: UInt64) throws -> Tensor {
  try random(shape, seed: seed).map { $0 + ($0 < 0 ? -0.1 : 0.1) }
}

/// Distinct values 0.1 apart in shuffled order (max pooling has a kink at ties).
func distinct(_ shape: [Int], seed: UInt64) throws -> Tensor {
  var rng = SeededGenerator(seed: seed)
  let n = shape.reduce(1, *)
  let values = (0..<n).map { Float($0) * 0.1 - Float(n) * 0.05 }.shuffled(using: &rng)
  return try Tensor(shape: shape, scalars: values)
}

let elementwiseCases: [OpCase] = [
  OpCase("add broadcast", { [try random([2, 3], seed: 1), try random([3], seed: 2)] }) {
    try $0[0] + $0[1]
  },
  OpCase("sub broadcast", { [try random([2, 1, 3], seed: 1), try random([4, 1], seed: 2)] }) {
    try $0[0] - $0[1]
  },
  OpCase("mul broadcast", { [try random([2, 3], seed: 3), try random([2, 1], seed: 4)] }) {
    try $0[0] * $0[1]
  },
  OpCase(
    "div broadcast", { [try random([2, 3], seed: 5), try random([3], seed: 6, low: 1, high: 2)] }
  ) { try $0[0] / $0[1] },
  OpCase("scalar ops", { [try random([4], seed: 7, low: 1, high: 2)] }) { v in
    try (2 - (v[0] * 3 + 1) / 2).pow(1) + 1 / v[0] - (-v[0])
  },
  OpCase("exp", { [try random([5], seed: 8)] }) { $0[0].exp() },
  OpCase("log", { [try random([5], seed: 9, low: 0.5, high: 2)] }) { $0[0].log() },
  OpCase("sqrt", { [try random([5], seed: 10, low: 0.5, high: 2)] }) { $0[0].sqrt() },
  OpCase("pow 3", { [try random([5], seed: 11)] }) { $0[0].pow(3) },
  OpCase("squared", { [try random([5], seed: 12)] }) { $0[0].squared() },
  OpCase("abs", { [try awayFromZero([6], seed: 13)] }) { $0[0].abs() },
  OpCase("relu", { [try awayFromZero([2, 4], seed: 14)] }) { $0[0].relu() },
  OpCase("leaky relu", { [try awayFromZero([2, 4], seed: 15)] }) { $0[0].leakyRelu(slope: 0.2) },
  OpCase("elu", { [try awayFromZero([2, 4], seed: 16)] }) { $0[0].elu(alpha: 1.5) },
  OpCase("gelu", { [try random([2, 4], seed: 17, low: -3, high: 3)] }) { $0[0].gelu() },
  OpCase("tanh", { [try random([2, 4], seed: 18, low: -2, high: 2)] }) { $0[0].tanh() },
  OpCase("sigmoid", { [try random([2, 4], seed: 19, low: -3, high: 3)] }) { $0[0].sigmoid() },
  OpCase("softmax axis 1", { [try random([2, 5, 3], seed: 20)] }) { try $0[0].softmax(axis: 1) },
  OpCase("log softmax last", { [try random([3, 4], seed: 21)] }) { try $0[0].logSoftmax(axis: -1) },
  OpCase("dropout (fixed mask)", { [try random([4, 5], seed: 22)] }) { v in
    var rng = SeededGenerator(seed: 5)
    return try v[0].dropout(p: 0.3, training: true, using: &rng)
  },
]

let structureCases: [OpCase] = [
  OpCase("matmul 2d", { [try random([3, 4], seed: 30), try random([4, 2], seed: 31)] }) {
    try matmul($0[0], $0[1])
  },
  OpCase(
    "matmul batched broadcast",
    { [try random([2, 3, 4], seed: 32), try random([4, 2], seed: 33)] }
  ) { try matmul($0[0], $0[1]) },
  OpCase("matmul vector", { [try random([4], seed: 34), try random([4, 3], seed: 35)] }) {
    try matmul($0[0], $0[1])
  },
  OpCase(
    "linear",
    { [try random([3, 4], seed: 36), try random([2, 4], seed: 37), try random([2], seed: 38)] }
  ) {
    try linear($0[0], weight: $0[1], bias: $0[2])
  },
  OpCase("reshape", { [try random([2, 6], seed: 40)] }) { try $0[0].reshaped([3, -1]).squared() },
  OpCase("flatten", { [try random([2, 2, 3], seed: 41)] }) { try $0[0].flattened().squared() },
  OpCase("permute", { [try random([2, 3, 4], seed: 42)] }) {
    try $0[0].permuted([2, 0, 1]).squared()
  },
  OpCase("transpose", { [try random([3, 4], seed: 43)] }) { $0[0].transposed().squared() },
  OpCase("slice", { [try random([2, 5, 3], seed: 44)] }) {
    try $0[0].slice(axis: 1, 1..<4).squared()
  },
  OpCase("pad", { [try random([1, 2, 3, 3], seed: 45)] }) {
    try $0[0].padded([(1, 2), (0, 1)], value: 0.5).squared()
  },
  OpCase("concat", { [try random([2, 2, 3], seed: 46), try random([2, 1, 3], seed: 47)] }) {
    try concat([$0[0], $0[1]], axis: 1).squared()
  },
  OpCase("sum axes", { [try random([2, 3, 4], seed: 48)] }) { try $0[0].sum(axes: [0, 2]) },
  OpCase("sum all", { [try random([2, 3], seed: 49)] }) { try $0[0].squared().sum() },
  OpCase("mean keepdims", { [try random([2, 3, 4], seed: 50)] }) {
    try $0[0].mean(axes: [1], keepingDims: true).squared()
  },
]

let cnnCases: [OpCase] = [
  OpCase(
    "conv2d same, dilation 2",
    {
      [
        try random([1, 2, 6, 5], seed: 60), try random([3, 2, 3, 3], seed: 61),
        try random([3], seed: 62),
      ]
    }
  ) {
    try conv2d(
      $0[0], weight: $0[1], bias: $0[2], options: Conv2dOptions(padding: .same, dilation: 2))
  },
  OpCase(
    "conv2d groups 2, stride (2, 1)",
    { [try random([2, 4, 5, 5], seed: 63), try random([2, 2, 2, 3], seed: 64)] }
  ) {
    try conv2d(
      $0[0], weight: $0[1],
      options: Conv2dOptions(
        stride: Size2(2, 1), padding: .explicit(top: 1, bottom: 0, left: 2, right: 1), groups: 2))
  },
  OpCase(
    "conv2d batched chunks",
    {
      [
        try random([9, 1, 4, 4], seed: 65), try random([2, 1, 3, 3], seed: 66),
        try random([2], seed: 67),
      ]
    }
  ) {
    try conv2d($0[0], weight: $0[1], bias: $0[2], options: Conv2dOptions(padding: .uniform(1)))
  },
  OpCase(
    "conv transpose 2d",
    {
      [
        try random([2, 2, 3, 3], seed: 68), try random([2, 3, 3, 3], seed: 69),
        try random([3], seed: 70),
      ]
    }
  ) {
    try convTranspose2d(
      $0[0], weight: $0[1], bias: $0[2],
      options: ConvTranspose2dOptions(stride: 2, padding: 1, outputPadding: 1))
  },
  OpCase("max pool", { [try distinct([2, 2, 5, 5], seed: 71)] }) {
    try $0[0].maxPool2d(Pool2dOptions(kernel: 3, stride: 2, padding: 1))
  },
  OpCase("avg pool", { [try random([2, 2, 5, 5], seed: 72)] }) {
    try $0[0].avgPool2d(Pool2dOptions(kernel: 3, stride: 2, padding: 1, countIncludePad: false))
  },
  OpCase("avg pool 2x2 tiling (odd size)", { [try random([2, 3, 5, 5], seed: 83)] }) {
    try $0[0].avgPool2d(Pool2dOptions(kernel: 2))
  },
  OpCase("max pool 2x2", { [try distinct([1, 2, 4, 6], seed: 84)] }) {
    try $0[0].maxPool2d(Pool2dOptions(kernel: 2))
  },
  OpCase("adaptive avg pool", { [try random([1, 2, 5, 7], seed: 73)] }) {
    try $0[0].adaptiveAvgPool2d(Size2(2, 3))
  },
  OpCase("global avg pool", { [try random([2, 3, 3, 2], seed: 74)] }) {
    try $0[0].globalAvgPool2d()
  },
  OpCase("upsample nearest", { [try random([1, 2, 3, 2], seed: 75)] }) {
    try $0[0].upsample(scale: 2, mode: .nearest)
  },
  OpCase("upsample bilinear", { [try random([1, 2, 3, 2], seed: 76)] }) {
    try $0[0].upsampleBilinear(size: Size2(5, 7))
  },
  OpCase(
    "batch norm train",
    { [try random([3, 2, 3, 3], seed: 77), try random([2], seed: 78), try random([2], seed: 79)] }
  ) { v in
    var rm = try Tensor(zeros: [2]), rv = try Tensor(ones: [2])
    return try batchNorm2d(
      v[0], gamma: v[1], beta: v[2], runningMean: &rm, runningVar: &rv, training: true)
  },
  OpCase(
    "batch norm eval",
    { [try random([2, 2, 3, 3], seed: 80), try random([2], seed: 81), try random([2], seed: 82)] }
  ) { v in
    var rm = Tensor([0.2, -0.1]), rv = Tensor([0.5, 2])
    return try batchNorm2d(
      v[0], gamma: v[1], beta: v[2], runningMean: &rm, runningVar: &rv, training: false)
  },
]

let lossCases: [OpCase] = [
  OpCase("cross entropy", { [try random([4, 5], seed: 90)] }) {
    try crossEntropy(logits: $0[0], labels: [0, 4, 2, 2])
  },
  OpCase("nll", { [try random([3, 4], seed: 91)] }) {
    try nllLoss(logProbabilities: $0[0].logSoftmax(axis: 1), labels: [3, 0, 1])
  },
  OpCase("mse", { [try random([2, 3], seed: 92)] }) {
    try mseLoss($0[0], target: random([2, 3], seed: 93))
  },
  OpCase("bce with logits", { [try random([2, 3], seed: 94, low: -3, high: 3)] }) {
    try binaryCrossEntropyWithLogits($0[0], target: random([2, 3], seed: 95, low: 0, high: 1))
  },
]

@Suite struct OpGradientTests {
  @Test(arguments: elementwiseCases + structureCases + cnnCases + lossCases)
  func gradientMatchesFiniteDifferences(_ op: OpCase) throws {
    let report = try checkGradients(op.inputs(), op.f)
    #expect(report.passed, "\(op.name): \(report)")
  }
}
