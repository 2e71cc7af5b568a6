import CBLAS
import Cancellation
import Glibc
import Synchronization

/// How many threads the engine's kernels use (1 or 2 on this machine), and its parallel loop.
///
/// Determinism: work is cut into chunks whose boundaries depend only on the shapes, never on the
/// thread count, and each output element is computed inside one chunk by the same sequence of
/// float operations; so 1 and 2 threads give bit-identical results. OpenBLAS itself is kept at
/// one thread: the engine splits GEMMs into fixed blocks and runs the blocks on its own threads,
/// which keeps OpenBLAS's own partitioning (and its thread-pool hand-offs) out of the results.
public enum Threading {
  private static let count = Atomic<Int>(defaultCount())
  private static let blasConfigured = Atomic<Bool>(false)

  /// The token kernels (and NN's `fit`, `evaluate`, `predict`) poll between chunks and batches.
  /// Whoever may interrupt the engine sets it for a scope: NotebookRuntime sets the cell's token
  /// once, where a cell enters the engine (`Threading.$cancellationToken.withValue(token) { … }`);
  /// outside such a scope it is a token nobody cancels.
  @TaskLocal public static var cancellationToken = CancellationToken()

  /// The number of threads kernels use now.
  public static var threadCount: Int { count.load(ordering: .relaxed) }

  /// The most threads allowed: the number of online processors (at least 1).
  public static var maximumThreadCount: Int { max(1, Int(sysconfProcessors())) }

  /// Sets the number of threads for the engine's loops (and pins OpenBLAS to one thread).
  public static func setThreadCount(_ n: Int) throws(TensorError) {
    guard n >= 1, n <= max(maximumThreadCount, 2) else {
      throw .invalidArgument(
        "thread count must be between 1 and \(max(maximumThreadCount, 2)), got \(n)")
    }
    configureBLAS()
    count.store(n, ordering: .relaxed)
  }

  /// Makes OpenBLAS single-threaded (once); the engine's own chunks give the parallelism.
  @inline(__always)
  static func configureBLAS() {
    if blasConfigured.load(ordering: .relaxed) { return }
    openblas_set_num_threads(1)
    blasConfigured.store(true, ordering: .relaxed)
  }

  /// Two threads where the process may use two processors (the figures' setting), else one;
  /// `ProcessorShare` reads the machine, the affinity mask, the cgroup's CPU quota and STRIDE_THREADS.
  private static func defaultCount() -> Int {
    min(2, max(1, min(ProcessorShare.available(), maximumThreadCount)))
  }

  private static func sysconfProcessors() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// Runs `body(chunk)` for every chunk in `0..<chunks`, spread over the threads.
  ///
  /// Chunks run in any order and concurrently; each must write only its own outputs. Between
  /// chunks `cancellationToken` is polled; when it is set the remaining chunks are
  /// skipped and `Interrupted` is thrown. With `parallel == false` (small work) it runs inline.
  static func forEachChunk(
    _ chunks: Int, parallel: Bool = true, _ body: (Int) -> Void
  ) throws(Interrupted) {
    configureBLAS()
    let token = cancellationToken
    let threads = parallel ? min(threadCount, chunks) : 1
    // The pool declines (false) while another loop runs: then this one runs inline.
    if threads > 1, try WorkerPool.shared.run(chunks, threads: threads, token: token, body) {
      return
    }
    for c in 0..<chunks {
      if token.isCancelled { throw Interrupted() }
      body(c)
    }
  }

  /// Whether work of `elements` is worth spreading over threads (a shape-only decision).
  @inline(__always)
  static func worthParallel(_ elements: Int) -> Bool { elements >= 1 << 15 }
}

/// Carries a non-Sendable value into parallel chunks; the caller guarantees disjoint writes.
struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// A pointer that may cross into parallel chunks; each chunk writes a disjoint part.
struct SendablePointer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  init(_ base: UnsafeMutablePointer<Float>) { self.base = base }
}
