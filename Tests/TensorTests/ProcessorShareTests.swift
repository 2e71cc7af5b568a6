import Foundation
import Testing

@testable import Tensor

/// The engine's default thread count follows what the process may use: affinity and CPU quota.
struct ProcessorShareTests {
  @Test func countsTheAllowedCPUList() {
    #expect(ProcessorShare.allowedCPUs(status: "Name:\tstride\nCpus_allowed_list:\t0-3,6\n") == 5)
    #expect(ProcessorShare.allowedCPUs(status: "Cpus_allowed_list:\t1\n") == 1)
    #expect(ProcessorShare.allowedCPUs(status: "Name:\tstride\n") == nil)
  }

  @Test func roundsACgroupV2QuotaUp() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "share-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("cpu.max").path
    for (text, expected) in [
      ("100000 100000\n", 1), ("150000 100000\n", 2), ("5000 100000\n", 1), ("max 100000\n", nil),
    ] {
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      #expect(ProcessorShare.cpuQuota(quotaFile: file, periodFile: nil) == expected, "\(text)")
    }
  }

  @Test func readsAV1QuotaAndPeriod() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "share-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let quota = dir.appendingPathComponent("cpu.cfs_quota_us").path
    let period = dir.appendingPathComponent("cpu.cfs_period_us").path
    try "200000\n".write(toFile: period, atomically: true, encoding: .utf8)
    try "200000\n".write(toFile: quota, atomically: true, encoding: .utf8)
    #expect(ProcessorShare.cpuQuota(quotaFile: quota, periodFile: period) == 1)
    try "-1\n".write(toFile: quota, atomically: true, encoding: .utf8)
    #expect(ProcessorShare.cpuQuota(quotaFile: quota, periodFile: period) == nil)
  }

  @Test func findsTheQuotaFilesOfV2AndV1Cgroups() {
    let v2 = ProcessorShare.quotaFiles("0::/user.slice/jupyter-student01\n").map(\.0)
    #expect(v2.first == "/sys/fs/cgroup/user.slice/jupyter-student01/cpu.max")
    let v1 = ProcessorShare.quotaFiles("4:cpu,cpuacct:/kubepods/pod1\n3:memory:/kubepods/pod1\n")
    #expect(v1.first?.0 == "/sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/cpu.cfs_quota_us")
    #expect(v1.first?.1 == "/sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/cpu.cfs_period_us")
  }
}
