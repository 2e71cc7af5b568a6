import MemoryBudget

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
      guard !overflow else { throw Memory.overflowError() }
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
      if da == db || db == 1 {
        out[i] = da
      } else if da == 1 {
        out[i] = db
      } else {
        throw .shapeMismatch(
          "cannot broadcast \(a) with \(b): axis \(i - rank) has sizes \(da) and \(db) "
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

/// How much memory a new tensor may take: what the process may still allocate (`MemoryBudget`:
/// available memory, RLIMIT_AS/RLIMIT_DATA, the memory cgroup), checked before allocating.
enum Memory {
  /// Throws `outOfMemory` when `elements` more floats would not fit.
  @inline(__always)
  static func check(elements: Int) throws(TensorError) {
    do throws(MemoryError) {
      try MemoryBudget.reserve(count: elements, stride: MemoryLayout<Float>.stride)
    } catch {
      throw .outOfMemory(error)
    }
  }

  /// Throws `outOfMemory` unless a scratch buffer of `rows`×`cols` floats per worker fits.
  static func checkScratch(rows: Int, cols: Int) throws(TensorError) {
    let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
    try check(elements: overflow ? Int.max : n)
  }

  /// An element count too large to represent.
  static func overflowError() -> TensorError {
    .outOfMemory(MemoryError(requestedBytes: Int.max, headroom: MemoryBudget.current()))
  }
}
