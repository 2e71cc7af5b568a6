import CSupport

/// How the engine asks the C allocator to keep large freed buffers for reuse.
///
/// A tensor's values are a Swift array, allocated by `malloc`. glibc serves requests above its
/// mmap threshold with fresh pages from the operating system and unmaps them on free; the
/// threshold starts at 128 KiB and rises only in some free patterns. So a training step that
/// allocates the same 25 MiB activations and gradients every time faulted in and zeroed every
/// page of them again: 18 forward+backward passes of a 32×64×56² convolution took 253,000 page
/// faults (30,000 with this policy) and ran 12–20% slower.
///
/// `applied` raises the threshold to 32 MiB (the largest glibc accepts) and the trim threshold
/// to 256 MiB, and keeps every thread on the main arena (whose heap can grow past the 64 MiB of
/// a thread arena), so such buffers come from the heap and are reused by the next step;
/// resident memory stays at the step's peak instead of going up and down. Process-wide,
/// applied once, when the first tensor is made; `false` where the C library is not glibc.
///
/// Buffers above 32 MiB (a data set's pixels, big activations) are still mappings of their own
/// and go back to the operating system when their last reference goes. What the heap keeps for
/// reuse (up to 256 MiB) goes back only when asked, at a pause such as `%reset`:
/// `releaseFreedMemory()`, never inside a training loop, where reuse is the point.
public enum AllocatorPolicy {
  static let applied: Bool = csupport_keep_freed_buffers(32 << 20, 256 << 20) == 1

  /// Returns the heap's free pages to the operating system (glibc `malloc_trim(0)`); true if
  /// any were returned. Costs a walk over the heap: call it between cells, not per step.
  @discardableResult
  public static func releaseFreedMemory() -> Bool { csupport_release_free_memory() == 1 }
}
