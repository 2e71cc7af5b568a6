import Synchronization

/// Reusable scratch memory for kernels (im2col columns, partial sums), so training steps
/// allocate nothing large and resident memory stays flat.
///
/// A kernel chunk takes a buffer, uses it, and gives it back; buffers only grow. Safe when
/// several kernels run at once (e.g. parallel tests): each holder has its own buffer.
final class ScratchBuffer: @unchecked Sendable {
  private(set) var pointer: UnsafeMutablePointer<Float>
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 1024)
    pointer = .allocate(capacity: self.capacity)
  }

  /// Grows (discarding contents) so at least `count` floats fit.
  func reserve(_ count: Int) {
    guard count > capacity else { return }
    pointer.deallocate()
    capacity = max(count, capacity + capacity / 2)
    pointer = .allocate(capacity: capacity)
  }

  deinit { pointer.deallocate() }
}

enum Scratch {
  private static let pool = Mutex<[ScratchBuffer]>([])

  /// Runs `body` with a buffer of at least `count` floats (uninitialised).
  @inline(__always)
  static func with<R>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R
  {
    _ = AllocatorPolicy.applied
    let buffer = pool.withLock { $0.popLast() } ?? ScratchBuffer(capacity: count)
    buffer.reserve(count)
    defer { pool.withLock { $0.append(buffer) } }
    return try body(buffer.pointer)
  }
}
