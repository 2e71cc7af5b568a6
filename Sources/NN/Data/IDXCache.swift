import Foundation

/// Decompressed IDX image files, written once per machine and mapped read-only by every process.
///
/// The entry for a source file is an uncompressed IDX file named after the source's path, size
/// and modification time, in `STRIDE_CACHE_DIR`, else `$XDG_CACHE_HOME/stride/datasets`, else
/// `$HOME/.cache/stride/datasets` (`STRIDE_CACHE_DIR=off` turns the cache off). Entries are
/// written atomically (temporary file + rename), so kernels loading at once never see half a file;
/// a changed source gets a new entry (and the old one is removed). Any failure falls back to
/// decoding in memory. Uncompressed IDX files need no entry: they are mapped as they are.
enum IDXCache {
  /// Where entries go, or nil when the cache is off or there is no home directory.
  static var directory: String? {
    let env = ProcessInfo.processInfo.environment
    if let dir = env["STRIDE_CACHE_DIR"] { return dir.isEmpty || dir == "off" ? nil : dir }
    if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/stride/datasets" }
    if let home = env["HOME"], !home.isEmpty { return home + "/.cache/stride/datasets" }
    return nil
  }

  /// The entry's path for the source file at `path`, or nil (no cache, or no such file).
  static func entry(for path: String, in directory: String? = IDXCache.directory) -> String? {
    guard let directory, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
    else { return nil }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the absolute path
    for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let name = (absolute as NSString).lastPathComponent.replacingOccurrences(of: ".gz", with: "")
    let stamp = Int(modified.timeIntervalSince1970 * 1000)
    return "\(directory)/\(name)-\(String(hash, radix: 16))-\(size)-\(stamp).idx"
  }

  /// The pixels [N, H, W] of the cached entry for `path`, mapped read-only, or nil.
  static func map(_ path: String, in directory: String? = IDXCache.directory) -> (
    pixels: PixelBytes, shape: [Int]
  )? {
    guard let entry = entry(for: path, in: directory), let shape = imageShape(entry),
      let pixels = PixelBytes(mapping: entry, offset: 16), pixels.count == shape.reduce(1, *)
    else { return nil }
    return (pixels, shape)
  }

  /// Writes `file` as the entry for `path`; false when the cache is off or not writable.
  @discardableResult
  static func store(_ file: IDXFile, for path: String, in directory: String? = IDXCache.directory)
    -> Bool
  {
    guard let entry = entry(for: path, in: directory) else { return false }
    let folder = (entry as NSString).deletingLastPathComponent
    guard
      (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true))
        != nil
    else { return false }
    guard (try? AtomicFile.write(file.encoded(), to: entry)) != nil else { return false }
    removeStale(besides: entry)
    return true
  }

  /// Runs `body` holding an exclusive lock on the entry for `path` (flock on `<entry>.lock`), so
  /// that of kernels loading the same file at once one decodes and the others map its entry. Runs
  /// it without the lock when there is no cache or the lock file cannot be made.
  static func withEntryLock<T>(
    for path: String, in directory: String? = IDXCache.directory, _ body: () throws(DataError) -> T
  ) throws(DataError) -> T {
    guard let entry = entry(for: path, in: directory),
      (try? FileManager.default.createDirectory(
        atPath: (entry as NSString).deletingLastPathComponent, withIntermediateDirectories: true))
        != nil
    else { return try body() }
    let fd = open(entry + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else { return try body() }
    defer { close(fd) }  // closing releases the lock
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { return try body() }
    }
    return try body()
  }

  /// Removes the entries of older versions of the same source (same name and path hash).
  static func removeStale(besides entry: String) {
    let folder = (entry as NSString).deletingLastPathComponent
    let name = (entry as NSString).lastPathComponent
    let parts = name.split(separator: "-")
    guard parts.count >= 3 else { return }
    let prefix = parts.dropLast(2).joined(separator: "-") + "-"
    for other in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where other != name && other != name + ".lock" && other.hasPrefix(prefix)
      && (other.hasSuffix(".idx") || other.hasSuffix(".idx.lock"))
    {
      try? FileManager.default.removeItem(atPath: folder + "/" + other)
    }
  }

  /// The [N, H, W] shape in the 16-byte header of an uncompressed 3-D byte IDX file whose size
  /// matches it, or nil.
  static func imageShape(_ path: String) -> [Int]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let header = try? handle.read(upToCount: 16), header.count == 16,
      header[0] == 0, header[1] == 0, header[2] == 0x08, header[3] == 3,
      let size = try? handle.seekToEnd()
    else { return nil }
    let dims = (0..<3).map { d in (0..<4).reduce(0) { $0 << 8 | Int(header[4 + 4 * d + $1]) } }
    return Int(size) == 16 + dims.reduce(1, *) ? dims : nil
  }
}
