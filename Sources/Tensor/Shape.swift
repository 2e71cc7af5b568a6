import Glibc

/// Shape arithmetic shared by every kernel: element counts, strides, broadcasting, axes.
enum Shape {
  /// The number of elements of a shape already known to be valid.
  @inline(__always)
  static func count(_ shape: [Int]) -> Int {
    var n = 1
    for d in shape { n &*= d }
    return n
  }

  /// Row-major strides, in elements: the last axis has stride 1.
  static func strides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var s = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[i] = s
      s &*= shape[i]
    }
    return strides
  }

  /// The element count of a shape, checked: no negative dimension, no overflow, fits in memory.
  static func checkedCount(_ shape: [Int]) throws(TensorError) -> Int {
    var n = 1
    for d in shape {
      guard d >= 0 else { throw .invalidShape("\(shape) has a negative dimension") }
      let (p, overflow) = n.multipliedReportingOverflow(by: d)
      guard !overflow else { throw .outOfMemory(requestedBytes: Int.max, availableBytes: Memory.availableBytes()) }
      n = p
    }
    try Memory.check(elements: n)
    return n
  }

  /// The broadcast shape of two shapes, NumPy rules: align right, size-1 dimensions stretch.
  static func broadcast(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
    if a == b { return a }
    let rank = max(a.count, b.count)
    var out = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
      let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
      let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
      if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
        throw .shapeMismatch("cannot broadcast \(a) with \(b): axis \(i - rank) has sizes \(da) and \(db) "
          + "(shapes align from the last axis; sizes must be equal or one of them 1)")
      }
    }
    return out
  }

  /// Strides of `shape` viewed inside the broadcast shape `target` (0 where it stretches).
  static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
    let own = strides(shape)
    let offset = target.count - shape.count
    var out = [Int](repeating: 0, count: target.count)
    for i in 0..<shape.count where shape[i] != 1 || target[i + offset] == 1 {
      out[i + offset] = shape[i] == 1 ? 0 : own[i]
    }
    return out
  }

  /// An axis in `0..<rank`, accepting negative axes counted from the end.
  static func axis(_ axis: Int, rank: Int) throws(TensorError) -> Int {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0, a < max(rank, 1) else {
      throw .invalidArgument("axis \(axis) is out of range for a tensor of rank \(rank)")
    }
    return a
  }

  /// Sorted, distinct, non-negative axes; all axes when `axes` is nil.
  static func axes(_ axes: [Int]?, rank: Int) throws(TensorError) -> [Int] {
    guard let axes else { return Array(0..<rank) }
    var out: [Int] = []
    for a in axes {
      let n = try axis(a, rank: rank)
      guard !out.contains(n) else { throw .invalidArgument("axis \(a) is repeated in \(axes)") }
      out.append(n)
    }
    return out.sorted()
  }
}

/// How much memory a new tensor may take: the machine's available memory, read from the kernel.
enum Memory {
  /// Tensors below this size are never checked (reading /proc costs a few microseconds).
  static let uncheckedBytes = 64 << 20

  /// Throws `outOfMemory` when `elements` floats exceed the memory available now.
  @inline(__always)
  static func check(elements: Int) throws(TensorError) {
    guard elements > uncheckedBytes / 4 else { return }
    let (bytes, overflow) = elements.multipliedReportingOverflow(by: 4)
    let available = availableBytes()
    if overflow || bytes > available {
      throw .outOfMemory(requestedBytes: overflow ? Int.max : bytes, availableBytes: available)
    }
  }

  /// `MemAvailable` from /proc/meminfo, or physical memory when that cannot be read.
  static func availableBytes() -> Int {
    if let text = try? readSmallFile("/proc/meminfo") {
      for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
        let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        if let kib = digits { return kib * 1024 }
      }
    }
    return sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
  }

  private static func readSmallFile(_ path: String) throws -> String {
    guard let f = fopen(path, "r") else { throw TensorError.invalidArgument(path) }
    defer { fclose(f) }
    var bytes = [UInt8](repeating: 0, count: 8192)
    let n = fread(&bytes, 1, bytes.count, f)
    return String(decoding: bytes[0..<n], as: UTF8.self)
  }
}
