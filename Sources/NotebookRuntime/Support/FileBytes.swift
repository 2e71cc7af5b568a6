import Foundation
import Lang

/// Writing output files (figures, `stride run`'s rich outputs) with a language error on failure.
enum FileBytes {
  static func write(_ bytes: [UInt8], to path: String) throws {
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw HostError("IOError", "could not write \(path): \(error.localizedDescription)")
    }
  }
}
