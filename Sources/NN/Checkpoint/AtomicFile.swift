#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Writes a file so that readers see either the old contents or the new, never a mix.
///
/// The bytes go to a temporary file in the same directory, named `.NAME.stride-tmp-PID-RANDOM`
/// and created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`: an existing file or a planted
/// symlink is never opened), are flushed with `fsync`, and the temporary file is renamed over the
/// target (rename is atomic within one file system). On any failure the temporary file is removed
/// and the previous file is untouched; temporary files of a save that was killed (their process
/// is gone) are removed by the next save to the same target.
enum AtomicFile {
  /// Writes `bytes` to `path`; `beforeRename` runs between the flush and the rename (tests
  /// use it to simulate a crash mid-save).
  static func write(_ bytes: [UInt8], to path: String, beforeRename: () throws -> Void = {})
    throws(CheckpointError)
  {
    removeStaleTemporaries(of: path)
    let (fd, temporary) = try createTemporary(for: path)
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
        if n <= 0 {
          failure = String(cString: strerror(errno))
          return
        }
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

  /// The directory and file name of `path` ("." when it has no slash).
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  /// The prefix of every temporary file of `path`'s saves: `.NAME.stride-tmp-`.
  static func temporaryPrefix(_ path: String) -> String { "." + split(path).name + ".stride-tmp-" }

  /// Creates a new temporary file beside `path` exclusively, with a random name; its descriptor and path.
  static func createTemporary(for path: String) throws(CheckpointError) -> (Int32, String) {
    let (directory, _) = split(path)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<8 {
      let random = String(generator.next() as UInt64, radix: 16)
      let temporary = directory + "/" + temporaryPrefix(path) + "\(getpid())-" + random
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if fd >= 0 { return (fd, temporary) }
      if errno != EEXIST {
        throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
    }
    throw .writeFailed(path: path, reason: "could not create a temporary file beside it")
  }

  /// Removes `path`'s temporary files whose writing process no longer exists (a killed save).
  static func removeStaleTemporaries(of path: String) {
    let (directory, _) = split(path)
    let prefix = temporaryPrefix(path)
    guard let dir = opendir(directory) else { return }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix) else { continue }
      let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
      guard let pid, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      unlink(directory + "/" + name)
    }
  }

  /// Reads a whole file.
  static func read(_ path: String) throws(CheckpointError) -> [UInt8] {
    guard let handle = fopen(path, "rb") else {
      throw .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
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
