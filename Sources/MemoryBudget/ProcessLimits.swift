import Glibc

/// One reading of how many more bytes this process may allocate, and which limit binds.
///
/// headroom = min(MemAvailable, RLIMIT_AS − VmSize, RLIMIT_DATA − VmData,
///                cgroup memory.max − memory.current (v2) or limit_in_bytes − usage_in_bytes (v1)).
public struct Headroom: Sendable, Equatable {
  /// Bytes that may still be allocated (never negative).
  public var bytes: Int
  /// The limit that gives `bytes`: "MemAvailable", "RLIMIT_AS", "RLIMIT_DATA" or "cgroup memory.max".
  public var limit: String
}

/// Reads the limits of the running process from the kernel: /proc/meminfo, getrlimit,
/// /proc/self/status, and the memory cgroup (v2, else v1) named in /proc/self/cgroup.
enum ProcessLimits {
  /// The memory cgroup's limit and usage files, found once (nil when there is no limit to read).
  static let cgroupFiles: (limit: String, usage: String)? = findCgroupFiles()

  /// Reads every limit now and returns the smallest headroom.
  static func read() -> Headroom {
    var best = Headroom(bytes: memAvailable() ?? physicalMemory(), limit: "MemAvailable")
    func consider(_ bytes: Int?, _ limit: String) {
      if let bytes, bytes < best.bytes { best = Headroom(bytes: max(0, bytes), limit: limit) }
    }
    let status = processStatus()
    if let cap = resourceLimit(RLIMIT_AS), let used = status.vmSize {
      consider(cap - used, "RLIMIT_AS")
    }
    if let cap = resourceLimit(RLIMIT_DATA), let used = status.vmData {
      consider(cap - used, "RLIMIT_DATA")
    }
    if let files = cgroupFiles, let cap = number(in: files.limit),
      let used = number(in: files.usage)
    {
      consider(cap - used, "cgroup memory.max")
    }
    return best
  }

  /// The soft limit of `resource` in bytes, nil when unlimited (RLIM_INFINITY is all ones).
  static func resourceLimit(_ resource: __rlimit_resource) -> Int? {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0 else { return nil }
    return limit.rlim_cur > UInt(Int.max) ? nil : Int(limit.rlim_cur)
  }

  /// `VmSize` and `VmData` of /proc/self/status, in bytes.
  static func processStatus() -> (vmSize: Int?, vmData: Int?) {
    guard let text = readSmallFile("/proc/self/status") else { return (nil, nil) }
    return (kibField(text, "VmSize:"), kibField(text, "VmData:"))
  }

  static func memAvailable() -> Int? {
    readSmallFile("/proc/meminfo").flatMap { kibField($0, "MemAvailable:") }
  }

  static func physicalMemory() -> Int {
    sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
  }

  /// The value of a `Name:   1234 kB` line, in bytes.
  static func kibField(_ text: String, _ name: String) -> Int? {
    for line in text.split(separator: "\n") where line.hasPrefix(name) {
      guard let kib = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
        return nil
      }
      let (bytes, overflow) = kib.multipliedReportingOverflow(by: 1024)
      return overflow ? nil : bytes
    }
    return nil
  }

  /// The first line of a file as an Int ("max" and unreadable files give nil).
  static func number(in path: String) -> Int? {
    guard let text = readSmallFile(path) else { return nil }
    return Int(text.split(separator: "\n").first ?? "")
  }

  /// v2: `0::/path` → /sys/fs/cgroup/path/memory.max; v1: `N:memory:/path` →
  /// /sys/fs/cgroup/memory/path/memory.limit_in_bytes. Each also tried at the mount's root (a
  /// container's own cgroup namespace). Only a finite limit counts.
  static func findCgroupFiles() -> (limit: String, usage: String)? {
    guard let text = readSmallFile("/proc/self/cgroup") else { return nil }
    var candidates: [(String, String)] = []
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      let path = String(fields[2]) == "/" ? "" : String(fields[2])
      if fields[0] == "0" && fields[1].isEmpty {
        for base in ["/sys/fs/cgroup\(path)", "/sys/fs/cgroup"] {
          candidates.append(("\(base)/memory.max", "\(base)/memory.current"))
        }
      } else if fields[1].split(separator: ",").contains("memory") {
        for base in ["/sys/fs/cgroup/memory\(path)", "/sys/fs/cgroup/memory"] {
          candidates.append(("\(base)/memory.limit_in_bytes", "\(base)/memory.usage_in_bytes"))
        }
      }
    }
    // A v1 "unlimited" reads as a huge number (2^63 rounded to a page); treat ≥ 2^62 as none.
    return candidates.first { limit, usage in
      guard let cap = number(in: limit), cap < 1 << 62 else { return false }
      return number(in: usage) != nil
    }
  }

  /// A small text file's contents (the first 16 KiB), nil when it cannot be read.
  static func readSmallFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 16384)
    let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return nil }
    return String(decoding: bytes[0..<n], as: UTF8.self)
  }
}
