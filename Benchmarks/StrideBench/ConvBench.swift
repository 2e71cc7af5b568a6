import Autograd
import Tensor

/// conv2d forward and forward+backward GFLOP/s on the shapes of bench_torch_conv.py
/// (3×3, stride 1, padding 1, bias; fwd+bwd counted as 3× forward). On request (`--cases`),
/// also the stride-1 layers of LeNet-5 (5×5, no padding) and ResNet-20 at 28×28; with `--parts
/// yes`, the backward's kernels on their own (input gradient, weight gradient, both); `--kinds`
/// keeps only the named kinds.
enum ConvBench {
  static let cases: [(String, n: Int, cin: Int, hw: Int, cout: Int, k: Int, pad: Int)] = [
    ("big", 32, 64, 56, 64, 3, 1), ("small", 64, 3, 32, 16, 3, 1), ("deep", 16, 256, 14, 256, 3, 1),
    ("lenet1", 64, 1, 32, 6, 5, 0), ("lenet2", 64, 6, 14, 16, 5, 0),
    ("res16", 128, 16, 28, 16, 3, 1), ("res32", 128, 32, 14, 32, 3, 1),
    ("res64", 128, 64, 7, 64, 3, 1),
  ]

  static func run(_ o: BenchOptions) throws {
    let wanted = o.strings("cases", ["big", "small", "deep"])
    for t in o.ints("threads", [2]) {
      try Threading.setThreadCount(t)
      for c in cases where wanted.contains(c.0) {
        try measure(c, threads: t, o)
      }
    }
  }

  /// Times the kinds of one case (seeded inputs) and prints a JSON line per kind.
  static func measure(
    _ c: (String, n: Int, cin: Int, hw: Int, cout: Int, k: Int, pad: Int), threads t: Int,
    _ o: BenchOptions
  ) throws {
    var rng = SeededGenerator(seed: 0)
    let x = try Tensor.randomNormal(shape: [c.n, c.cin, c.hw, c.hw], using: &rng)
    let w = try Tensor.randomNormal(shape: [c.cout, c.cin, c.k, c.k], std: 0.05, using: &rng)
    let b = try Tensor(zeros: [c.cout])
    let oh = c.hw + 2 * c.pad - c.k + 1
    let gy = try Tensor.randomNormal(shape: [c.n, c.cout, oh, oh], using: &rng)
    let opts = Conv2dOptions(padding: .uniform(c.pad))
    let flops = 2.0 * Double(c.n * c.cout * oh * oh * c.cin * c.k * c.k)
    let xv = Variable(x, requiresGrad: true), wv = Variable(w, requiresGrad: true)
    let bv = Variable(b, requiresGrad: true)
    func forward() throws {
      _ = try GradMode.withoutGradients { try conv2d(xv, weight: wv, bias: bv, options: opts) }
    }
    func forwardBackward() throws {
      xv.zeroGrad()
      wv.zeroGrad()
      bv.zeroGrad()
      try conv2d(xv, weight: wv, bias: bv, options: opts).backward(gradient: gy)
    }
    func inputGradient() throws {
      _ = try Kernels.conv2dBackwardInput(gy, weight: w, inputShape: x.shape, options: opts)
    }
    func weightGradient() throws {
      _ = try Kernels.conv2dBackwardWeight(gy, input: x, weightShape: w.shape, options: opts)
    }
    func bothGradients() throws {
      _ = try Kernels.conv2dBackward(gy, input: x, weight: w, hasBias: true, options: opts)
    }
    var kinds: [(String, Double, () throws -> Void)] = [
      ("fwd", 1, forward), ("fwd_bwd", 3, forwardBackward),
    ]
    if o.strings("parts", ["no"]) != ["no"] {
      // The backward's two kernels on their own (`--parts yes`): where fwd+bwd spends its time.
      kinds += [
        ("bwd_input", 1, inputGradient), ("bwd_weight", 1, weightGradient),
        ("bwd_all", 2, bothGradients),
      ]
    }
    let only = o.strings("kinds", [])
    for (kind, mult, body) in kinds where only.isEmpty || only.contains(kind) {
      let (reps, perCall, util) = try Timing.measure(
        runs: o.ints("runs", [7])[0], minRunSeconds: o.double("min-run-s", 0.5), body)
      Report.line([
        ("engine", .string("stride")), ("bench", .string("conv2d")), ("case", .string(c.0)),
        ("n", .int(c.n)), ("cin", .int(c.cin)), ("h", .int(c.hw)), ("w", .int(c.hw)),
        ("cout", .int(c.cout)), ("k", .int(c.k)), ("pad", .int(c.pad)), ("stride", .int(1)),
        ("threads", .int(t)), ("mode", .string("default")), ("kind", .string(kind)),
        ("flops_per_call", .double(flops * mult)), ("reps_per_run", .int(reps)),
        ("ms_per_call", Report.stats(perCall.map { $0 * 1e3 })),
        ("gflops", Report.stats(perCall.map { flops * mult / $0 / 1e9 })),
        ("cpu_util_runs", .array(util.map { .double($0) })),
        ("loadavg1", .double(Timing.loadAverage())),
      ])
    }
  }
}
