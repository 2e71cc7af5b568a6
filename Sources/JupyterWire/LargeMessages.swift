import CSupport

/// Keeps large incoming messages from leaving memory behind.
///
/// A frame of megabytes (a huge cell, a fuzzer's 50 MB frame) is allocated twice: by libzmq and
/// as the frame's bytes. glibc raises its mmap threshold after freeing such a block (up to 32
/// MiB) and then keeps later ones in its heaps, where up to twice that stays resident per arena:
/// 838,000 fuzzed messages with 1–50 MB frames took a kernel from 31.5 to 162 MiB. So the kernel
/// starts with one arena and a fixed 1 MiB mmap threshold (`prepare`), and after handling a
/// message of `threshold` bytes or more gives free memory back (`release`, `malloc_trim`). The
/// engine may later keep freed buffers for reuse (`Tensor.AllocatorPolicy`); `release` then also
/// returns those, which costs the next training step its page faults once.
public enum LargeMessages {
  /// Messages of this many bytes (all frames) or more are large: 1 MiB.
  public static let threshold = 1 << 20

  /// Sets up the allocator; call first thing in the kernel process, before any thread starts.
  public static func prepare() { _ = csupport_map_large_allocations(threshold) }

  /// The bytes of all `frames`.
  static func size(_ frames: [[UInt8]]) -> Int { frames.reduce(0) { $0 + $1.count } }

  /// Gives free memory back to the OS after a message of `bytes` bytes, when it was large.
  static func release(after bytes: Int) {
    if bytes >= threshold { _ = csupport_release_free_memory() }
  }
}
