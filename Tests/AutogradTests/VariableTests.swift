import Autograd
import Tensor
import Testing

@Suite struct VariableTests {
  @Test func backwardOfProductAccumulates() throws {
    let x = Variable(try Tensor(shape: [2], scalars: [3, 4]), requiresGrad: true)
    let y = try (x * x).sum()
    try y.backward()
    #expect(x.grad == (try Tensor(shape: [2], scalars: [6, 8])))
    try y.backward()
    #expect(x.grad == (try Tensor(shape: [2], scalars: [12, 16])))
    x.zeroGrad()
    #expect(x.grad == nil)
  }

  @Test func noGradScopeRecordsNothing() throws {
    let x = Variable(Tensor([1, 2]), requiresGrad: true)
    let y = try GradMode.withoutGradients { try (x * 2).sum() }
    #expect(!y.requiresGrad)
    #expect(GradMode.isEnabled)
    #expect(throws: TensorError.self) { try y.backward() }
  }

  @Test func broadcastAddAndMatmulGradients() throws {
    let report = try checkGradients([
      try random([3, 4], seed: 1), try random([4, 2], seed: 2), try random([2], seed: 3),
    ]) { v in
      try matmul(v[0], v[1]) + v[2]
    }
    #expect(report.passed, "\(report)")
  }

  @Test func conv2dGradients() throws {
    let opts = Conv2dOptions(stride: 2, padding: .uniform(1), dilation: 1, groups: 1)
    let report = try checkGradients([
      try random([2, 2, 5, 5], seed: 4), try random([3, 2, 3, 3], seed: 5),
      try random([3], seed: 6),
    ]) { v in
      try conv2d(v[0], weight: v[1], bias: v[2], options: opts)
    }
    #expect(report.passed, "\(report)")
  }

  @Test func crossEntropyGradients() throws {
    let report = try checkGradients([try random([4, 5], seed: 7)]) { v in
      try crossEntropy(logits: v[0], labels: [0, 4, 2, 2])
    }
    #expect(report.passed, "\(report)")
  }
}
