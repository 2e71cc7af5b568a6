import Glibc
import Synchronization

/// Checks a large allocation against what the process may still allocate, before it is made.
///
/// Every allocation site calls `reserve(bytes)`. Requests below `threshold` only add to a running
/// total (one atomic add); once that total, or a single request, reaches the threshold it is
/// checked against the last reading of the limits minus everything reserved since that reading.
/// The limits (`ProcessLimits.read`, ~30 µs) are read again when that estimate would fall below
/// half, or the reading is older than `maximumAge`. Freed memory is not subtracted, so the estimate
/// only errs towards reading the limits again.
public enum MemoryBudget {
  /// Requests smaller than this are summed rather than checked one by one (1 MiB).
  public static let threshold = 1 << 20
  /// How long a reading of the limits is trusted (other processes allocate too), in nanoseconds.
  static let maximumAge: UInt64 = 250_000_000

  struct Reading {
    var headroom = Headroom(bytes: 0, limit: "MemAvailable")
    var reservedSince = 0
    var time: UInt64 = 0
    var valid = false
  }

  static let state = Mutex(Reading())
  static let pending = Atomic<Int>(0)

  /// Throws `MemoryError` when `bytes` more would exceed what the process may allocate.
  @inline(__always)
  public static func reserve(_ bytes: Int) throws(MemoryError) {
    if bytes < threshold {
      let total = pending.add(max(bytes, 0), ordering: .relaxed).newValue
      guard total >= threshold else { return }
      pending.subtract(total, ordering: .relaxed)
      try check(total)
    } else {
      try check(bytes)
    }
  }

  /// Throws `MemoryError` unless `count` elements of `stride` bytes fit (overflow counts as too big).
  @inline(__always)
  public static func reserve(count: Int, stride: Int) throws(MemoryError) {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: stride)
    if overflow || count < 0 {
      throw MemoryError(requestedBytes: Int.max, headroom: current())
    }
    try reserve(bytes)
  }

  /// What the process may still allocate, read now.
  public static func current() -> Headroom { ProcessLimits.read() }

  static func check(_ bytes: Int) throws(MemoryError) {
    let now = monotonicNanoseconds()
    let failure: Headroom? = state.withLock { reading in
      let estimate = reading.headroom.bytes - reading.reservedSince
      if reading.valid, now &- reading.time < maximumAge, bytes <= estimate / 2 {
        reading.reservedSince += bytes
        return nil
      }
      let fresh = current()
      reading = Reading(headroom: fresh, reservedSince: 0, time: now, valid: true)
      guard bytes <= fresh.bytes else { return fresh }
      reading.reservedSince = bytes
      return nil
    }
    if let failure { throw MemoryError(requestedBytes: bytes, headroom: failure) }
  }

  static func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
  }
}

/// An allocation that would exceed the process's memory limit, named with its size and the limit.
public struct MemoryError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The bytes asked for (`Int.max` when the size itself overflows).
  public let requestedBytes: Int
  /// What the process could still allocate, and which limit said so.
  public let headroom: Headroom

  /// Makes the error.
  public init(requestedBytes: Int, headroom: Headroom) {
    self.requestedBytes = requestedBytes
    self.headroom = headroom
  }

  /// "needs 8.0 GiB but the process may use 3.2 GiB more (RLIMIT_AS)".
  public var description: String {
    let need = requestedBytes == Int.max ? "more than 8 EiB" : ByteFormat.text(requestedBytes)
    return
      "needs \(need) but the process may use \(ByteFormat.text(headroom.bytes)) more (\(headroom.limit))"
  }
}

/// Human-readable byte counts ("1.5 GiB") for error messages.
public enum ByteFormat {
  /// Binary units with one decimal: "512 B", "1.5 GiB".
  public static func text(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    return unit == 0 ? "\(bytes) B" : "\(rounded) \(units[unit])"
  }
}
