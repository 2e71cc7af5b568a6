/// Why a data set could not be read or built.
///
/// Every failure of external data (a missing, truncated or foreign file) becomes one of these,
/// never a crash. `description` is written for the notebook user.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file does not exist; `hint` says how to get it (e.g. the Debian package to install).
  case missingFile(path: String, hint: String)
  /// The file exists but could not be read.
  case unreadable(path: String, reason: String)
  /// The gzip stream is damaged or ends early.
  case badCompression(path: String, reason: String)
  /// The bytes are not an IDX file (wrong magic, type or dimensions).
  case notIDX(path: String, reason: String)
  /// The IDX header promises more data than the file holds.
  case truncated(path: String, expected: Int, actual: Int)
  /// Two files that belong together disagree (e.g. 60,000 images but 59,999 labels).
  case mismatch(String)
  /// An argument is out of range (e.g. a negative padding or an empty subset).
  case invalidArgument(String)

  public var description: String {
    switch self {
    case .missingFile(let path, let hint): return "file not found: \(path). \(hint)"
    case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
    case .badCompression(let path, let reason): return "\(path) is not a valid gzip file: \(reason)"
    case .notIDX(let path, let reason): return "\(path) is not an IDX file: \(reason)"
    case .truncated(let path, let expected, let actual):
      return
        "\(path) is truncated: its header promises \(expected) bytes of data, the file holds \(actual)"
    case .mismatch(let message): return message
    case .invalidArgument(let message): return message
    }
  }
}
