import Autograd
import Tensor
import Testing

/// Fused ops (conv + activation, residual add + ReLU) give the same bits as the separate ops,
/// forward and backward, and pass finite-difference checks.
@Suite struct FusedOpTests {
  @Test(arguments: [Activation.relu, .tanh, .sigmoid])
  func convActivationMatchesSeparateOps(_ f: Activation) throws {
    for (stride, padding) in [(1, 1), (2, 0), (1, 0)] {
      let options = Conv2dOptions(stride: Size2(stride), padding: .uniform(padding))
      let (xv, wv, bv) = (
        try random([3, 4, 9, 11], seed: 1), try random([5, 4, 3, 3], seed: 2),
        try random([5], seed: 3)
      )
      let fused = try Kernels.conv2d(xv, weight: wv, bias: bv, options: options, activation: f)
      let separate = Kernels.activation(
        try Kernels.conv2d(xv, weight: wv, bias: bv, options: options), f)
      #expect(fused == separate)

      let dy = try random(fused.shape, seed: 4)
      func grads(_ fusedOp: Bool) throws -> [Tensor?] {
        let x = Variable(xv, requiresGrad: true), w = Variable(wv, requiresGrad: true),
          b = Variable(bv, requiresGrad: true)
        let y =
          fusedOp
          ? try conv2d(x, weight: w, bias: b, options: options, activation: f)
          : try conv2d(x, weight: w, bias: b, options: options).activation(f)
        try y.backward(gradient: dy)
        return [x.grad, w.grad, b.grad]
      }
      #expect(try grads(true) == grads(false))
    }
  }

  @Test func convTanhPassesGradientCheck() throws {
    let report = try checkGradients([
      try random([2, 2, 6, 7], seed: 5), try random([3, 2, 3, 3], seed: 6),
      try random([3], seed: 7),
    ]) { v in
      try conv2d(
        v[0], weight: v[1], bias: v[2], options: Conv2dOptions(padding: .uniform(1)),
        activation: .tanh)
    }
    #expect(report.passed, "\(report)")
  }

  @Test func addReluMatchesSeparateOps() throws {
    let (av, bv) = (try random([2, 3, 5, 5], seed: 8), try random([2, 3, 5, 5], seed: 9))
    #expect(try Kernels.addRelu(av, bv) == (av + bv).relu())
    let dy = try random([2, 3, 5, 5], seed: 10)
    func grads(_ fused: Bool) throws -> [Tensor?] {
      let a = Variable(av, requiresGrad: true), b = Variable(bv, requiresGrad: true)
      try (fused ? try Variable.addRelu(a, b) : try (a + b).relu()).backward(gradient: dy)
      return [a.grad, b.grad]
    }
    #expect(try grads(true) == grads(false))
    #expect(throws: TensorError.self) { try Kernels.addRelu(av, try random([2, 3], seed: 1)) }
  }

  /// Batch norm + ReLU fused gives the bits of batch norm then `.relu()`, in training and in
  /// evaluation, on planes with and without a partial vector (7×7 = 49 and 4×4 = 16 values).
  /// (No finite-difference check of its own: ReLU's kink makes central differences with a step
  /// of 1e-2 cross it; batch norm and ReLU are each checked, and this equals the two bitwise.)
  @Test(arguments: [[4, 5, 7, 7], [3, 2, 4, 4]])
  func batchNormReluMatchesSeparateOps(_ shape: [Int]) throws {
    let c = shape[1]
    let (xv, gv, bv) = (
      try random(shape, seed: 11), try random([c], seed: 12), try random([c], seed: 13)
    )
    let dy = try random(shape, seed: 14)
    for training in [true, false] {
      func run(_ fused: Bool) throws -> [Tensor?] {
        var mean = try random([c], seed: 15, low: -0.2, high: 0.2),
          variance = try random([c], seed: 16, low: 0.5, high: 1.5)
        let x = Variable(xv, requiresGrad: true), g = Variable(gv, requiresGrad: true),
          b = Variable(bv, requiresGrad: true)
        let y =
          fused
          ? try batchNorm2d(
            x, gamma: g, beta: b, runningMean: &mean, runningVar: &variance, training: training,
            relu: true)
          : try batchNorm2d(
            x, gamma: g, beta: b, runningMean: &mean, runningVar: &variance, training: training
          ).relu()
        try y.backward(gradient: dy)
        return [y.value, x.grad, g.grad, b.grad, mean, variance]
      }
      let fused = try run(true), separate = try run(false)
      #expect(fused == separate, "training: \(training)")
      #expect(fused[0]!.scalars.contains(0) && fused[0]!.scalars.contains { $0 > 0 })
    }
  }
}
