import Glibc
import TestSupport
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

@Test func overflowingSizesAreErrorsNotTraps() {
  let error = #expect(throws: MemoryError.self) {
    try MemoryBudget.reserve(count: Int.max / 2, stride: 4)
  }
  #expect(error?.description.hasPrefix("needs more than 8 EiB but the process may use ") == true)
  #expect(throws: MemoryError.self) { try MemoryBudget.reserve(count: -1, stride: 4) }
}

@Test func theMessageNamesSizeHeadroomAndLimit() {
  let error = MemoryError(
    requestedBytes: 8 << 30, headroom: Headroom(bytes: 3_435_973_837, limit: "RLIMIT_AS"))
  #expect(error.description == "needs 8.0 GiB but the process may use 3.2 GiB more (RLIMIT_AS)")
}

/// Under `prlimit --as`-like limits (in a child process): the address-space limit binds, a request
/// over it throws naming RLIMIT_AS, one under it passes, and small requests are summed and checked.
@Test func theAddressSpaceLimitBinds() async {
  await #expect(processExitsWith: .success) {
    limitAddressSpace(toCurrentPlus: 256 << 20)
    let headroom = ProcessLimits.read()
    precondition(headroom.limit == "RLIMIT_AS" && headroom.bytes <= 256 << 20, "\(headroom)")
    do throws(MemoryError) {
      try MemoryBudget.reserve(512 << 20)
      preconditionFailure("512 MiB passed under a 256 MiB limit")
    } catch {
      precondition(
        error.description.hasPrefix("needs 512.0 MiB but the process may use "), error.description)
      precondition(error.description.hasSuffix(" more (RLIMIT_AS)"), error.description)
    }
    try? MemoryBudget.reserve(16 << 20)
    // 64 KiB requests pass alone; summed past 1 MiB they are checked, and fail before mmap does.
    for _ in 0..<6400 {
      guard (try? MemoryBudget.reserve(64 << 10)) != nil else { exit(0) }
      let block = mmap(nil, 64 << 10, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      precondition(block != MAP_FAILED, "mmap failed before the budget did")
    }
    preconditionFailure("400 MiB of 64 KiB requests passed under a 256 MiB limit")
  }
}
