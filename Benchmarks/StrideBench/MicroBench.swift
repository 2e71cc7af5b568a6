import Autograd
import Tensor

/// Per-kernel timings on LeNet-5 shapes (batch 64), in CPU microseconds per call, to find
/// where a training step's time goes. `stride-bench micro`.
enum MicroBench {
  static func run(_ o: BenchOptions) throws {
    try Threading.setThreadCount(o.ints("threads", [1])[0])
    var rng = SeededGenerator(seed: 1)
    let n = o.ints("batch", [64])[0]
    let x = try Tensor.randomUniform(shape: [n, 1, 32, 32], using: &rng)
    let w1 = try Tensor.randomNormal(shape: [6, 1, 5, 5], std: 0.2, using: &rng),
      b1 = try Tensor(zeros: [6])
    let a1 = try Tensor.randomNormal(shape: [n, 6, 14, 14], using: &rng)
    let w2 = try Tensor.randomNormal(shape: [16, 6, 5, 5], std: 0.1, using: &rng),
      b2 = try Tensor(zeros: [16])
    let y1 = try Kernels.conv2d(x, weight: w1, bias: b1),
      y2 = try Kernels.conv2d(a1, weight: w2, bias: b2)
    let f = try Tensor.randomNormal(shape: [n, 400], using: &rng),
      wf = try Tensor.randomNormal(shape: [120, 400], using: &rng)
    let pool = Pool2dOptions(kernel: 2)
    let u = try Tensor.randomUniform(shape: y1.shape, low: -1, high: 1, using: &rng)
    let cases: [(String, () throws -> Void)] = [
      ("conv1 fwd", { _ = try Kernels.conv2d(x, weight: w1, bias: b1) }),
      (
        "conv1 bwd weight",
        { _ = try Kernels.conv2dBackwardWeight(y1, input: x, weightShape: w1.shape) }
      ),
      ("conv2 fwd", { _ = try Kernels.conv2d(a1, weight: w2, bias: b2) }),
      (
        "conv2 bwd all",
        { _ = try Kernels.conv2dBackward(y2, input: a1, weight: w2, hasBias: true) }
      ),
      ("bias grad conv1", { _ = try Kernels.conv2dBackwardBias(y1) }),
      ("tanh conv1 out", { _ = y1.tanh() }),
      ("tanh uniform", { _ = u.tanh() }),
      ("exp uniform", { _ = u.exp() }),
      ("relu uniform", { _ = u.relu() }),
      ("tanh bwd conv1", { _ = try Kernels.activationBackward(y1, input: y1, output: y1, .tanh) }),
      ("avgpool conv1 out", { _ = try Kernels.avgPool2d(y1, options: pool) }),
      (
        "avgpool bwd",
        { _ = try Kernels.avgPool2dBackward(a1, inputShape: y1.shape, options: pool) }
      ),
      ("linear fwd 400->120", { _ = try Tensor.matmul(f, wf, transposeB: true) }),
      ("add same shape", { _ = try y1 + y1 }),
      ("lenet step autograd", { try lenetStep(x, w1, b1, w2, b2) }),
    ]
    let only = o.strings("ops", [])
    for (name, body) in cases where only.isEmpty || only.contains(where: { name.hasPrefix($0) }) {
      let (reps, _, _) = try Timing.measure(runs: 1, minRunSeconds: 0.2, warmup: 2, body)
      let c0 = Timing.cpuTime(), t0 = Timing.now()
      for _ in 0..<reps { try body() }
      let us = (Timing.cpuTime() - c0) / Double(reps) * 1e6,
        wall = (Timing.now() - t0) / Double(reps) * 1e6
      Report.line([
        ("bench", .string("micro")), ("op", .string(name)), ("cpu_us_per_call", .double(us)),
        ("wall_us_per_call", .double(wall)),
      ])
    }
  }

  /// A LeNet-5 forward + backward with plain autograd ops (no layers), to see the graph overhead.
  static func lenetStep(_ x: Tensor, _ w1: Tensor, _ b1: Tensor, _ w2: Tensor, _ b2: Tensor) throws
  {
    let p = [w1, b1, w2, b2].map { Variable($0, requiresGrad: true) }
    var rng = SeededGenerator(seed: 2)
    let f1 = Variable(
      try Tensor.randomNormal(shape: [120, 400], std: 0.05, using: &rng), requiresGrad: true)
    let f2 = Variable(
      try Tensor.randomNormal(shape: [84, 120], std: 0.05, using: &rng), requiresGrad: true)
    let f3 = Variable(
      try Tensor.randomNormal(shape: [10, 84], std: 0.05, using: &rng), requiresGrad: true)
    let pool = Pool2dOptions(kernel: 2)
    var h = try conv2d(Variable(x), weight: p[0], bias: p[1]).tanh().avgPool2d(pool)
    h = try conv2d(h, weight: p[2], bias: p[3]).tanh().avgPool2d(pool).flattened()
    h = try linear(linear(h, weight: f1, bias: nil).tanh(), weight: f2, bias: nil).tanh()
    let loss = try crossEntropy(
      logits: linear(h, weight: f3, bias: nil), labels: (0..<x.shape[0]).map { $0 % 10 })
    try loss.backward()
  }
}
