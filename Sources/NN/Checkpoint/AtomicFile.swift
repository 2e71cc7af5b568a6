#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Writes a file so that readers see either the old contents or the new, never a mix.
///
/// The bytes go to a temporary file in the same directory, are flushed with `fsync`, and the
/// temporary file is renamed over the target (rename is atomic within one file system). On any
/// failure the temporary file is removed and the previous file is untouched.
enum AtomicFile {
  /// Writes `bytes` to `path`; `beforeRename` runs between the flush and the rename (tests
  /// use it to simulate a crash mid-save).
  static func write(_ bytes: [UInt8], to path: String, beforeRename: () throws -> Void = {}) throws(CheckpointError) {
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
        if n <= 0 { failure = String(cString: strerror(errno)); return }
        done += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil {
      do { try beforeRename() } catch { failure = "\(error)" }
    }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .writeFailed(path: path, reason: failure)
    }
  }

  /// Reads a whole file.
  static func read(_ path: String) throws(CheckpointError) -> [UInt8] {
    guard let handle = fopen(path, "rb") else { throw .readFailed(path: path, reason: String(cString: strerror(errno))) }
    defer { fclose(handle) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = fread(&chunk, 1, chunk.count, handle)
      if n > 0 { out += chunk[0..<n] }
      if n < chunk.count { break }
    }
    guard ferror(handle) == 0 else { throw .readFailed(path: path, reason: "I/O error") }
    return out
  }
}
