import Dispatch
import Glibc
import Synchronization

/// Runs work on a thread with a large stack, so deep (but limited) recursion of the tree-walking
/// interpreter can never overflow the caller's stack, whatever thread the kernel or a test uses.
///
/// The threads are kept and reused: a kernel creates one at its first cell, while memory is
/// plentiful, so a later cell never needs 512 MiB of fresh address space (under `prlimit --as` a
/// new thread could fail when the student's tensors fill the limit). If no thread can be created
/// the work runs on the caller's thread rather than waiting forever.
enum BigStack {
  static let size = 512 << 20
  private static let idle = Mutex<[StackWorker]>([])

  static func run<T>(_ body: @escaping () -> T) -> T {
    guard let worker = idle.withLock({ $0.popLast() }) ?? StackWorker.start(stackSize: size) else {
      return body()
    }
    let box = ResultBox(body)
    let done = DispatchSemaphore(value: 0)
    worker.submit {
      box.run()
      idle.withLock { $0.append(worker) }
      done.signal()
    }
    done.wait()
    return box.result ?? body()
  }
}

/// A thread with a large stack that runs one job at a time, forever.
private final class StackWorker: @unchecked Sendable {
  private let wake = DispatchSemaphore(value: 0)
  private var job: (() -> Void)?

  /// Starts the thread; nil when it cannot be created (pthread_create's error, e.g. EAGAIN).
  static func start(stackSize: Int) -> StackWorker? {
    let worker = StackWorker()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(worker).toOpaque()
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        guard let raw else { return nil }
        Unmanaged<StackWorker>.fromOpaque(raw).takeRetainedValue().loop()
      }, context)
    guard status == 0 else {
      Unmanaged<StackWorker>.fromOpaque(context).release()
      return nil
    }
    pthread_detach(thread)
    return worker
  }

  /// Runs `job` on the thread (the semaphores order the accesses to `job`).
  func submit(_ job: @escaping () -> Void) {
    self.job = job
    wake.signal()
  }

  private func loop() -> Never {
    while true {
      wake.wait()
      let current = job
      job = nil
      current?()
    }
  }
}

/// Carries the work and its result across the thread boundary; the semaphore orders the accesses.
private final class ResultBox<T>: @unchecked Sendable {
  let body: () -> T
  var result: T?

  init(_ body: @escaping () -> T) { self.body = body }

  func run() { result = body() }
}
