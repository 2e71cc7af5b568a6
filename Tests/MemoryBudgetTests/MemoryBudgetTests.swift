import Glibc
import Testing

@testable import MemoryBudget

@Test func headroomIsPositiveAndAtMostAvailableMemory() throws {
  let headroom = MemoryBudget.current()
  #expect(headroom.bytes > 0)
  let available = try #require(ProcessLimits.memAvailable())
  #expect(headroom.bytes <= available + (64 << 20))
}

@Test func kibFieldsReadInBytes() {
  let status = "Name:\tstride\nVmSize:\t  123456 kB\nVmData:\t     1000 kB\n"
  #expect(ProcessLimits.kibField(status, "VmSize:") == 123_456 * 1024)
  #expect(ProcessLimits.kibField(status, "VmData:") == 1_024_000)
  #expect(ProcessLimits.kibField(status, "VmRSS:") == nil)
}

@Test func aRequestOverTheLimitNamesSizeAndLimit() throws {
  try MemoryBudget.withTestLimit(100 << 20) {
    try MemoryBudget.reserve(10 << 20)
    let error = #expect(throws: MemoryError.self) { try MemoryBudget.reserve(200 << 20) }
    #expect(error?.description == "needs 200.0 MiB but the process may use 100.0 MiB more (test limit)")
  }
  try MemoryBudget.reserve(200 << 20)
}

@Test func overflowingSizesAreErrorsNotTraps() {
  let error = #expect(throws: MemoryError.self) { try MemoryBudget.reserve(count: Int.max / 2, stride: 4) }
  #expect(error?.description.hasPrefix("needs more than 8 EiB but the process may use ") == true)
  #expect(throws: MemoryError.self) { try MemoryBudget.reserve(count: -1, stride: 4) }
}

@Test func smallRequestsAddUpAndAreCheckedTogether() throws {
  try MemoryBudget.withTestLimit(1 << 19) {
    // Each 64 KiB request passes alone; once they sum past the 1 MiB threshold the sum is checked.
    let failed = (0..<64).contains { _ in (try? MemoryBudget.reserve(64 << 10)) == nil }
    #expect(failed)
  }
}

/// The address-space limit binds when it is the smallest: lowered to VmSize + 2 GiB for a moment.
@Test func theAddressSpaceLimitIsRespected() throws {
  let used = try #require(ProcessLimits.processStatus().vmSize)
  var saved = rlimit()
  getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &saved)
  var lowered = saved
  lowered.rlim_cur = rlim_t(used + (2 << 30))
  guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &lowered) == 0 else { return }
  let headroom = ProcessLimits.read()
  setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &saved)
  #expect(headroom.bytes <= 2 << 30)
  #expect(headroom.limit == "RLIMIT_AS" || headroom.limit == "MemAvailable")
  #expect(headroom.bytes > 1 << 30)
}
