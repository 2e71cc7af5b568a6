import Cancellation
import Glibc
import Synchronization

/// The engine's persistent worker threads, which run the chunks of a parallel loop.
///
/// Why not `DispatchQueue.concurrentPerform`: on this kind of machine it hands the second chunk
/// to a sleeping thread whose wake-up costs tens of microseconds, so loops of 10–100 µs (most of
/// a LeNet step) ran no faster on two threads than on one (measured: 2 × 47 µs of work took
/// 106 µs through Dispatch, 49 µs here). Workers spin briefly on a generation counter after each
/// loop, then sleep on a condition variable, so back-to-back kernels find them awake.
///
/// One loop runs at a time: a loop started while another runs (a nested or concurrent call) runs
/// inline on its caller's thread. Chunks are claimed dynamically; results do not depend on which
/// thread ran a chunk, because chunk boundaries depend only on the shapes (see `Threading`).
final class WorkerPool: @unchecked Sendable {
  /// A loop being run: its body, its chunk count, and its counters.
  struct Job {
    let body: (Int) -> Void
    let chunks: Int
    /// How many workers (besides the caller) may join.
    let helpers: Int
    let token: CancellationToken
  }

  static let shared = WorkerPool()

  private let generation = Atomic<Int>(0)
  private let participants = Atomic<Int>(0)
  private let nextChunk = Atomic<Int>(0)
  private let completed = Atomic<Int>(0)
  private let stopped = Atomic<Bool>(false)
  private let busy = Atomic<Bool>(false)
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// The running job; read and written under `mutex`.
  private var job: UnsafePointer<Job>? = nil
  /// Workers started so far; grows under `mutex`, never shrinks.
  private var workers = 0

  /// How long an idle worker polls before it sleeps: long enough to bridge the serial work
  /// between two kernels of a training step, short enough to cost nothing after a cell.
  private static let spinNanoseconds: UInt64 = 2_000_000

  private init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(wake, nil)
  }

  /// Runs `body(chunk)` for `0..<chunks` on the caller and up to `threads − 1` workers; returns
  /// false (having run nothing) when another loop is running, so the caller runs inline.
  /// Throws `Interrupted` when the token was set before every chunk ran.
  func run(_ chunks: Int, threads: Int, token: CancellationToken, _ body: (Int) -> Void)
    throws(Interrupted) -> Bool
  {
    guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else { return false }
    defer { busy.store(false, ordering: .releasing) }
    startWorkers(threads - 1)
    let wasStopped: Bool = withoutActuallyEscaping(body) { body in
      var job = Job(body: body, chunks: chunks, helpers: threads - 1, token: token)
      return withUnsafePointer(to: &job) { jp in
        nextChunk.store(0, ordering: .relaxed)
        completed.store(0, ordering: .relaxed)
        stopped.store(false, ordering: .relaxed)
        pthread_mutex_lock(mutex)
        self.job = jp
        generation.add(1, ordering: .releasing)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(mutex)
        runChunks(jp)
        waitUntil { self.completed.load(ordering: .acquiring) >= chunks }
        pthread_mutex_lock(mutex)
        self.job = nil
        pthread_mutex_unlock(mutex)
        waitUntil { self.participants.load(ordering: .acquiring) == 0 }
        return stopped.load(ordering: .relaxed)
      }
    }
    if wasStopped { throw Interrupted() }
    return true
  }

  /// Claims and runs chunks until none is left; a cancelled token skips the rest.
  private func runChunks(_ jp: UnsafePointer<Job>) {
    let chunks = jp.pointee.chunks
    while true {
      let c = nextChunk.add(1, ordering: .relaxed).oldValue
      if c >= chunks { return }
      if jp.pointee.token.isCancelled {
        stopped.store(true, ordering: .relaxed)
      } else {
        jp.pointee.body(c)
      }
      completed.add(1, ordering: .releasing)
    }
  }

  /// Spins on `done`, yielding the processor after a while (a preempted worker needs it).
  @inline(__always)
  private func waitUntil(_ done: () -> Bool) {
    var spins = 0
    while !done() {
      spins += 1
      if spins > 4_096 { sched_yield() }
    }
  }

  private func startWorkers(_ wanted: Int) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    while workers < wanted {
      workers += 1
      var thread = pthread_t()
      let me = Unmanaged.passRetained(self).toOpaque()
      pthread_create(
        &thread, nil,
        { arg in
          Unmanaged<WorkerPool>.fromOpaque(arg!).takeUnretainedValue().workerLoop()
          return nil
        }, me)
      pthread_detach(thread)
    }
  }

  /// A worker: wait for a new generation, join its job if there is room, run chunks, repeat.
  private func workerLoop() {
    var seen = generation.load(ordering: .acquiring)
    while true {
      var spins = 0
      let started = Self.monotonicNanoseconds()
      while generation.load(ordering: .acquiring) == seen {
        spins += 1
        if spins & 1023 == 0 && Self.monotonicNanoseconds() - started > Self.spinNanoseconds {
          pthread_mutex_lock(mutex)
          while generation.load(ordering: .acquiring) == seen { pthread_cond_wait(wake, mutex) }
          pthread_mutex_unlock(mutex)
        }
      }
      pthread_mutex_lock(mutex)
      seen = generation.load(ordering: .acquiring)
      var joined: UnsafePointer<Job>? = nil
      if let jp = job, participants.load(ordering: .relaxed) < jp.pointee.helpers {
        participants.add(1, ordering: .relaxed)
        joined = jp
      }
      pthread_mutex_unlock(mutex)
      guard let jp = joined else { continue }
      runChunks(jp)
      participants.subtract(1, ordering: .releasing)
    }
  }

  private static func monotonicNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }
}
