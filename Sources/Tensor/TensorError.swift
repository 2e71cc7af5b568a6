/// Why a tensor operation could not run: bad shapes, bad arguments, or too little memory.
///
/// Every failure that user input can cause is one of these, with a message that names the
/// operation and the shapes involved, so the language can show it as a cell error.
public enum TensorError: Error, CustomStringConvertible, Sendable, Equatable {
  /// Shapes that cannot be combined, e.g. broadcasting [2, 3] with [4].
  case shapeMismatch(String)
  /// A shape that is not valid by itself, e.g. a negative dimension.
  case invalidShape(String)
  /// An argument out of its domain, e.g. a stride of 0 or an axis beyond the rank.
  case invalidArgument(String)
  /// An index or range outside the tensor.
  case indexOutOfRange(String)
  /// The result would need more memory than the machine has available.
  case outOfMemory(requestedBytes: Int, availableBytes: Int)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .shapeMismatch(let m): return "shape mismatch: \(m)"
    case .invalidShape(let m): return "invalid shape: \(m)"
    case .invalidArgument(let m): return "invalid argument: \(m)"
    case .indexOutOfRange(let m): return "index out of range: \(m)"
    case .outOfMemory(let req, let avail):
      return "out of memory: the tensor needs \(ByteFormat.text(req)) "
        + "but only \(ByteFormat.text(avail)) are available"
    }
  }
}

/// Human-readable byte counts ("1.5 GiB") for error messages.
enum ByteFormat {
  static func text(_ bytes: Int) -> String {
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
