import MemoryBudget

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
  /// The result would need more memory than the process may still allocate (its limits included).
  case outOfMemory(MemoryError)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .shapeMismatch(let m): return "shape mismatch: \(m)"
    case .invalidShape(let m): return "invalid shape: \(m)"
    case .invalidArgument(let m): return "invalid argument: \(m)"
    case .indexOutOfRange(let m): return "index out of range: \(m)"
    case .outOfMemory(let error): return "out of memory: the tensor \(error)"
    }
  }
}
