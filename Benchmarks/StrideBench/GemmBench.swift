import Tensor

/// sgemm GFLOP/s through `Tensor.matmul` (2·n³ per call), like bench_gemm.py.
enum GemmBench {
  static func run(_ o: BenchOptions) throws {
    var rng = SeededGenerator(seed: 0)
    for n in o.ints("sizes", [256, 512, 1024, 2048]) {
      let a = try Tensor.randomUniform(shape: [n, n], low: -1, high: 1, using: &rng)
      let b = try Tensor.randomUniform(shape: [n, n], low: -1, high: 1, using: &rng)
      for t in o.ints("threads", [1, 2]) {
        try Threading.setThreadCount(t)
        let (reps, perCall, util) = try Timing.measure(
          runs: o.ints("runs", [7])[0], minRunSeconds: o.double("min-run-s", 0.25)
        ) {
          _ = try Tensor.matmul(a, b)
        }
        let flops = 2 * pow3(n)
        Report.line([
          ("engine", .string("stride")), ("bench", .string("sgemm")), ("n", .int(n)),
          ("threads", .int(t)),
          ("reps_per_run", .int(reps)), ("gflops", Report.stats(perCall.map { flops / $0 / 1e9 })),
          ("cpu_util_runs", .array(util.map { .double($0) })),
          ("loadavg1", .double(Timing.loadAverage())),
        ])
      }
    }
  }

  static func pow3(_ n: Int) -> Double { Double(n) * Double(n) * Double(n) }
}
