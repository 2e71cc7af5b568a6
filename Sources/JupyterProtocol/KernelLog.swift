import Foundation

/// Diagnostics of the kernel process, written to stderr (Jupyter shows them in its log).
public enum KernelLog {
  /// Writes one line `[stride] message` to stderr.
  public static func warning(_ message: String) {
    FileHandle.standardError.write(Data("[stride] \(message)\n".utf8))
  }
}
