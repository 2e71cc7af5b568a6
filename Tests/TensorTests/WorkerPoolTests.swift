import Cancellation
import Dispatch
import Synchronization
import Testing

@testable import Tensor

/// The engine's thread pool: every chunk runs exactly once, nested and concurrent loops fall
/// back to running inline, and a cancelled token stops the loop with `Interrupted`.
@Suite(.serialized) struct WorkerPoolTests {
  @Test func everyChunkRunsOnce() throws {
    try Threading.setThreadCount(2)
    for chunks in [1, 2, 3, 17, 1000] {
      // Each chunk increments only its own counter, so plain memory is race-free.
      let counts = UnsafeMutablePointer<Int>.allocate(capacity: chunks)
      defer { counts.deallocate() }
      counts.initialize(repeating: 0, count: chunks)
      let box = UncheckedBox(counts)
      try Threading.forEachChunk(chunks) { c in box.value[c] += 1 }
      #expect((0..<chunks).allSatisfy { counts[$0] == 1 })
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

  @Test func concurrentCallersAllFinish() throws {
    try Threading.setThreadCount(2)
    let total = Counter()
    DispatchQueue.concurrentPerform(iterations: 6) { _ in
      for _ in 0..<50 {
        try? Threading.forEachChunk(7) { _ in total.value.add(1, ordering: .relaxed) }
      }
    }
    #expect(total.value.load(ordering: .relaxed) == 6 * 50 * 7)
  }

  @Test func cancelledTokenInterrupts() throws {
    try Threading.setThreadCount(2)
    let token = CancellationToken()
    let ran = Atomic<Int>(0)
    Threading.$cancellationToken.withValue(token) {
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

private final class Counter: Sendable {
  let value = Atomic<Int>(0)
}
