import Autograd
import Tensor

/// `stride-bench`: the engine's benchmarks, printing JSON lines shaped like ../shared/bench.
///
/// usage: stride-bench training … (TrainingBench.swift), stride-bench lang … (LangBench.swift), or
///        stride-bench [sgemm|conv|lenet|lenet-memory|resnet|micro|all]… [--threads 1 2] [--runs 7] [--min-run-s 0.5]
///        [--cases big small deep] [--sizes 256 512 1024 2048] [--batch 64 256] [--steps N]
///        conv only: [--parts yes] (also bwd_input, bwd_weight, bwd_all) [--kinds fwd fwd_bwd …]
@main
struct StrideBench {
  static func main() throws {
    if CommandLine.arguments.dropFirst().first == "training" {
      runTrainingBenchmarks(Array(CommandLine.arguments.dropFirst(2)))
      return
    }
    if CommandLine.arguments.dropFirst().first == "lang" {
      LangBench.run(BenchOptions(CommandLine.arguments.dropFirst(2)))
      return
    }
    let options = BenchOptions(CommandLine.arguments.dropFirst())
    Report.line([
      "engine": .string("stride"), "bench": .string("info"),
      "threads_available": .int(Threading.maximumThreadCount),
      "conv_tiles": .string(Kernels.directConvTiles),
    ])
    for suite in options.suites {
      switch suite {
      case "sgemm": try GemmBench.run(options)
      case "conv": try ConvBench.run(options)
      case "lenet": try LeNetBench.run(options)
      case "lenet-memory": try LeNetBench.memory(options)
      case "micro": try MicroBench.run(options)
      case "resnet": try ResNetBench.run(options)
      default: Report.line(["error": .string("unknown suite \(suite)")])
      }
    }
  }
}

/// Command-line options (a tiny parser: `--name v v …`, bare words are suites).
struct BenchOptions {
  var suites: [String] = []
  var values: [String: [String]] = [:]

  init(_ args: ArraySlice<String>) {
    var key: String? = nil
    for a in args {
      if a.hasPrefix("--") {
        key = String(a.dropFirst(2))
        values[key!] = []
      } else if let k = key {
        values[k, default: []].append(a)
      } else {
        suites.append(a)
      }
    }
    if suites.isEmpty || suites == ["all"] { suites = ["sgemm", "conv", "lenet"] }
  }

  func ints(_ name: String, _ fallback: [Int]) -> [Int] {
    values[name]?.compactMap { Int($0) } ?? fallback
  }
  func strings(_ name: String, _ fallback: [String]) -> [String] { values[name] ?? fallback }
  func double(_ name: String, _ fallback: Double) -> Double {
    values[name]?.first.flatMap { Double($0) } ?? fallback
  }
}
