import Glibc

/// Timing in the manner of ../shared/bench: warm up, calibrate repetitions so one run lasts at
/// least `minRunSeconds`, then time `runs` runs and keep per-call seconds.
enum Timing {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  static func cpuTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// (repetitions per run, seconds per call of each run, CPU utilisation of each run).
  static func measure(runs: Int, minRunSeconds: Double, warmup: Int = 3, _ body: () throws -> Void)
    rethrows -> (Int, [Double], [Double])
  {
    for _ in 0..<warmup { try body() }
    var reps = 1
    while true {
      let t0 = now()
      for _ in 0..<reps { try body() }
      let dt = now() - t0
      if dt >= minRunSeconds || reps >= 1 << 16 { break }
      reps = max(reps * 2, Int(Double(reps) * minRunSeconds / max(dt, 1e-6) * 1.2) + 1)
    }
    var perCall: [Double] = [], util: [Double] = []
    for _ in 0..<runs {
      let c0 = cpuTime(), t0 = now()
      for _ in 0..<reps { try body() }
      let dt = now() - t0
      perCall.append(dt / Double(reps))
      util.append((cpuTime() - c0) / dt)
    }
    return (reps, perCall, util)
  }

  static func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.isEmpty
      ? 0 : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
  }

  static func loadAverage() -> Double {
    var l = [Double](repeating: 0, count: 3)
    return getloadavg(&l, 3) > 0 ? l[0] : -1
  }

  /// Resident set size in MiB, from /proc/self/statm.
  static func residentMiB() -> Double {
    guard let f = fopen("/proc/self/statm", "r") else { return -1 }
    defer { fclose(f) }
    var size = 0, resident = 0
    guard
      withUnsafeMutablePointer(
        to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in fscanfTwo(f, s, r) } })
    else { return -1 }
    return Double(resident * Int(sysconf(Int32(_SC_PAGESIZE)))) / 1_048_576
  }

  private static func fscanfTwo(
    _ f: UnsafeMutablePointer<FILE>, _ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>
  ) -> Bool {
    var buffer = [CChar](repeating: 0, count: 128)
    guard fgets(&buffer, 128, f) != nil else { return false }
    let text = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let parts = text.split(separator: " ").compactMap { Int($0.trimmingCharacters()) }
    guard parts.count >= 2 else { return false }
    a.pointee = parts[0]
    b.pointee = parts[1]
    return true
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> Substring {
    var s = self
    while let l = s.last, l == "\n" || l == " " { s.removeLast() }
    return s
  }
}
