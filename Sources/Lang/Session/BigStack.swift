import Foundation

/// Runs work on a thread with a large stack, so deep (but limited) recursion of the tree-walking
/// interpreter can never overflow the caller's stack, whatever thread the kernel or a test uses.
enum BigStack {
  static let size = 512 << 20

  static func run<T>(_ body: @escaping () -> T) -> T {
    let box = ResultBox(body)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.run()
      done.signal()
    }
    thread.stackSize = size
    thread.start()
    done.wait()
    return box.result ?? body()
  }
}

/// Carries the work and its result across the thread boundary; the semaphore orders the accesses.
private final class ResultBox<T>: @unchecked Sendable {
  let body: () -> T
  var result: T?

  init(_ body: @escaping () -> T) { self.body = body }

  func run() { result = body() }
}
