import Foundation

/// `stride-bench lang`: each program of `Benchmarks/lang` twice, as a Stride cell file
/// (`stride run x.swift`) and as the same program in Python (`python3 x.py`), run alternately
/// (`--runs` each, default 5) as whole processes; one JSON line per program with both medians and
/// the ratio `python_median / stride_median` (above 1: Stride is faster), then the geometric mean.
/// CPU seconds (user + system, from `wait4`'s rusage) are reported beside wall seconds: on a
/// machine shared with other work they are the steadier figure (`cpu_ratio`).
///
/// Options: `--dir Benchmarks/lang`, `--stride <path>` (default: the `stride` beside this
/// executable), `--python python3`, `--programs fib loop_sum …`, `--runs 5`.
enum LangBench {
  static func run(_ options: BenchOptions) {
    let directory = options.strings("dir", ["Benchmarks/lang"])[0]
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let stride = options.strings(
      "stride", [executable.deletingLastPathComponent().appendingPathComponent("stride").path])[0]
    let python = options.strings("python", ["python3"])[0]
    let runs = max(1, options.ints("runs", [5])[0])
    let available = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let names = options.strings(
      "programs",
      available.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted())
    var ratios: [Double] = [], cpuRatios: [Double] = []
    for name in names {
      let cell = "\(directory)/\(name).swift", script = "\(directory)/\(name).py"
      var strideTimes: [Double] = [], pythonTimes: [Double] = [], strideCPU: [Double] = [],
        pythonCPU: [Double] = []
      var strideOutput = "", pythonOutput = ""
      var failure: String?
      for _ in 0..<runs {
        let s = timed([stride, "run", cell]), p = timed([python, script])
        strideTimes.append(s.seconds)
        pythonTimes.append(p.seconds)
        strideCPU.append(s.cpu)
        pythonCPU.append(p.cpu)
        (strideOutput, pythonOutput) = (s.output, p.output)
        if s.status != 0 || p.status != 0 {
          failure = "exit status \(s.status) (stride), \(p.status) (python)"
        }
      }
      let ratio = Timing.median(pythonTimes) / Timing.median(strideTimes)
      let cpuRatio = Timing.median(pythonCPU) / Timing.median(strideCPU)
      ratios.append(ratio)
      cpuRatios.append(cpuRatio)
      var fields: [(String, Report.Value)] = [
        ("engine", .string("stride-vs-cpython")), ("bench", .string("lang")),
        ("program", .string(name)),
        ("runs", .int(runs)), ("stride_s", Report.stats(strideTimes)),
        ("python_s", Report.stats(pythonTimes)),
        ("ratio", .double(ratio)), ("stride_cpu_s", Report.stats(strideCPU)),
        ("python_cpu_s", Report.stats(pythonCPU)),
        ("cpu_ratio", .double(cpuRatio)), ("same_output", .bool(strideOutput == pythonOutput)),
      ]
      if let failure { fields.append(("error", .string(failure))) }
      Report.line(fields)
    }
    func geomean(_ values: [Double]) -> Double {
      values.isEmpty ? 0 : exp(values.map { log($0) }.reduce(0, +) / Double(values.count))
    }
    Report.line([
      "engine": .string("stride-vs-cpython"), "bench": .string("lang-summary"),
      "programs": .int(ratios.count),
      "geomean_ratio": .double(geomean(ratios)), "min_ratio": .double(ratios.min() ?? 0),
      "geomean_cpu_ratio": .double(geomean(cpuRatios)),
      "min_cpu_ratio": .double(cpuRatios.min() ?? 0),
    ])
  }

  /// Runs a process to its end: wall seconds, CPU seconds of finished children (user + system;
  /// one child at a time, so the difference is this one's), exit status and standard output.
  static func timed(_ arguments: [String]) -> (
    seconds: Double, cpu: Double, status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    let cpuBefore = childrenCPU()
    let start = Timing.now()
    do { try process.run() } catch { return (0, 0, -1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Timing.now() - start
    return (
      seconds, childrenCPU() - cpuBefore, process.terminationStatus,
      String(decoding: data, as: UTF8.self)
    )
  }

  /// User + system seconds of every finished (waited-for) child so far.
  static func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
