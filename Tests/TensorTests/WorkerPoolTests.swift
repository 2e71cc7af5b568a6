import Cancellation
import Synchronization
import Testing

@testable import Tensor

/// The engine's thread pool: every chunk runs exactly once, nested and concurrent loops fall
/// back to running inline, and a cancelled token stops the loop with `Interrupted`.
@Suite(.serialized) struct WorkerPoolTests {
  @Test func everyChunkRunsOnce() throws {
    try Threading.setThreadCount(2)
    for chunks in [1, 2, 3, 17, 1000] {
      let counts = (0..<chunks).map { _ in Atomic<Int>(0) }
      try Threading.forEachChunk(chunks) { c in counts[c].add(1, ordering: .relaxed) }
      #expect(counts.allSatisfy { $0.load(ordering: .relaxed) == 1 })
    }
  }

  @Test func nestedLoopsRunInline() throws {
    try Threading.setThreadCount(2)
    let total = Atomic<Int>(0)
    try Threading.forEachChunk(8) { _ in
      try? Threading.forEachChunk(5) { _ in total.add(1, ordering: .relaxed) }
    }
    #expect(total.load(ordering: .relaxed) == 40)
  }

  @Test func concurrentCallersAllFinish() async throws {
    try Threading.setThreadCount(2)
    let total = Atomic<Int>(0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<6 {
        group.addTask {
          for _ in 0..<50 { try? Threading.forEachChunk(7) { _ in total.add(1, ordering: .relaxed) } }
        }
      }
    }
    #expect(total.load(ordering: .relaxed) == 6 * 50 * 7)
  }

  @Test func cancelledTokenInterrupts() throws {
    try Threading.setThreadCount(2)
    let token = CancellationToken()
    let ran = Atomic<Int>(0)
    try Threading.$cancellationToken.withValue(token) {
      #expect(throws: Interrupted.self) {
        try Threading.forEachChunk(100) { c in
          if c == 3 { token.cancel() }
          ran.add(1, ordering: .relaxed)
        }
      }
    }
    #expect(ran.load(ordering: .relaxed) < 100)
  }
}
