import Glibc

/// How many processors this process may keep busy: what the machine, its affinity and its cgroup allow.
///
/// share = min(online processors, CPUs in /proc/self/status's `Cpus_allowed_list`,
///             ⌈quota / period⌉ of the CPU cgroup: `cpu.max` (v2) or `cpu.cfs_quota_us` /
///             `cpu.cfs_period_us` (v1)), at least 1. A JupyterHub student given `cpu.limit: 1`
/// gets 1: two threads under a one-core quota would only be throttled in turn.
/// `STRIDE_THREADS=N` (N ≥ 1) overrides the reading.
enum ProcessorShare {
  static func available() -> Int {
    if let text = getenv("STRIDE_THREADS").map({ String(cString: $0) }), let n = Int(text), n >= 1 {
      return n
    }
    var share = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    if let allowed = allowedCPUs() { share = min(share, allowed) }
    if let quota = cgroupQuota() { share = min(share, quota) }
    return max(1, share)
  }

  /// The number of CPUs in `Cpus_allowed_list:` ("0-3,6" → 5).
  static func allowedCPUs(status: String? = readSmallFile("/proc/self/status")) -> Int? {
    guard
      let line = status?.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
    else { return nil }
    var count = 0
    for range in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
      let bounds = range.split(separator: "-").compactMap {
        Int(String($0.filter { $0 != " " && $0 != "\t" }))
      }
      if bounds.count == 1 {
        count += 1
      } else if bounds.count == 2, bounds[1] >= bounds[0] {
        count += bounds[1] - bounds[0] + 1
      }
    }
    return count > 0 ? count : nil
  }

  /// ⌈quota / period⌉ of the first finite CPU limit on the process's cgroup, nil when unlimited.
  static func cgroupQuota(cgroup: String? = readSmallFile("/proc/self/cgroup")) -> Int? {
    for (quotaFile, periodFile) in quotaFiles(cgroup ?? "") {
      if let quota = cpuQuota(quotaFile: quotaFile, periodFile: periodFile) { return quota }
    }
    return nil
  }

  /// Candidate (quota, period) files: v2 `cpu.max` holds both ("max 100000" or "50000 100000").
  static func quotaFiles(_ cgroup: String) -> [(String, String?)] {
    var files: [(String, String?)] = []
    for line in cgroup.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      let path = fields[2] == "/" ? "" : String(fields[2])
      if fields[0] == "0" && fields[1].isEmpty {
        files += [("/sys/fs/cgroup\(path)/cpu.max", nil), ("/sys/fs/cgroup/cpu.max", nil)]
      } else if fields[1].split(separator: ",").contains("cpu") {
        let dir = "/sys/fs/cgroup/\(fields[1])"
        files += [
          ("\(dir)\(path)/cpu.cfs_quota_us", "\(dir)\(path)/cpu.cfs_period_us"),
          ("\(dir)/cpu.cfs_quota_us", "\(dir)/cpu.cfs_period_us"),
        ]
      }
    }
    return files
  }

  static func cpuQuota(quotaFile: String, periodFile: String?) -> Int? {
    guard let text = readSmallFile(quotaFile) else { return nil }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard let quota = words.first.flatMap({ Int($0) }), quota > 0 else { return nil }
    let period =
      periodFile.flatMap(readSmallFile).flatMap { Int($0.split(separator: "\n").first ?? "") }
      ?? (words.count > 1 ? Int(words[1]) : nil)
    guard let period, period > 0 else { return nil }
    return (quota + period - 1) / period
  }

  /// A small file's text (procfs and cgroupfs report size 0, so read until the end), or nil.
  static func readSmallFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while bytes.count < 1 << 20 {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
