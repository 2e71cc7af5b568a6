import Foundation
import Glibc
import Synchronization
import Testing

@testable import Tensor

/// Large tensors freed by one step are reused by the next, without fresh pages from the OS.
///
/// The page-fault count is a property of the whole process's heap: with the other suites running
/// at the same time (two cores in CI, DirectConvTests allocating and freeing hundreds of MiB, a
/// `%reset`'s `malloc_trim`), all eight tries could be displaced and the test failed without the
/// policy being wrong. So it runs alone: `make swift-test` runs it in a second `swift test` with
/// `STRIDE_TEST_ALONE=1`, where it is the only test in the process.
struct AllocatorPolicyTests {
  static let alone = ProcessInfo.processInfo.environment["STRIDE_TEST_ALONE"] == "1"

  @Test func glibcTakesTheSettings() {
    #expect(AllocatorPolicy.applied)
  }

  /// Minor page faults while building and filling three 24 MiB tensors a second time (as a
  /// training step does with its activations), on a thread of its own as a kernel's is: with
  /// glibc's defaults the freed memory goes back to the OS and each of the 18,432 pages faults
  /// again. Counted for the calling thread only (RUSAGE_THREAD), the fewest of up to eight tries.
  @Test(.enabled(if: alone, "needs the process to itself: STRIDE_TEST_ALONE=1 (make swift-test)"))
  func largeTensorsOfTheLastStepAreReused() throws {
    #expect(AllocatorPolicy.applied)
    let fewest = Mutex(Int.max), finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      defer { finished.signal() }
      let shape = [6 * 1024 * 1024]
      func step(_ v: Float) throws -> Float {
        let a = try Tensor(repeating: v, shape: shape), b = try Tensor(repeating: v, shape: shape)
        let c = try Tensor(repeating: v, shape: shape)
        return a.scalars[shape[0] - 1] + b.scalars[0] + c.scalars[1]
      }
      for _ in 0..<8 {
        guard (try? step(1)) == 3 else { return }
        let before = Self.minorFaults()
        guard (try? step(2)) == 6 else { return }
        let faults = Self.minorFaults() - before
        if fewest.withLock({
          $0 = min($0, faults)
          return $0
        }) < 6_144 {
          return
        }
      }
    }
    thread.start()
    finished.wait()
    let faults = fewest.withLock { $0 }
    // Without the policy all three buffers fault again (18,432 pages). With it, none should; one
    // displaced buffer (6,144 pages, the worker pool's own allocations) is tolerated, two are not.
    #expect(faults < 9_000, "\(faults) page faults for three reused 24 MiB buffers")
  }

  /// Minor page faults of the calling thread so far.
  static func minorFaults() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(1), &usage)  // RUSAGE_THREAD (Linux), not imported by Glibc
    return usage.ru_minflt
  }
}
