import Dispatch
import Synchronization
import Tensor

/// Loads an MNIST-family pair of IDX files (images [N, H, W] bytes, labels [N] bytes) as a `Dataset`.
enum IDXImageSet {
  /// Reads `images` and `labels`; each image is padded by `padding` black pixels on every side and
  /// its bytes map through `normalization` when batches are drawn (`ByteImages`). The result has
  /// sample shape [1, H + 2p, W + 2p]. The pixels come from the machine's cache (`IDXCache`)
  /// when it holds this file, else are decoded and put there.
  static func load(
    images imagePath: String, labels labelPath: String, padding: Int,
    normalization: Normalization, classNames: [String], name: String
  ) throws(DataError) -> Dataset {
    guard (0...64).contains(padding) else {
      throw .invalidArgument("padding must be in 0...64, got \(padding)")
    }
    let (pixels, shape) = try imagePixels(imagePath)
    let labels = try IDXFile(path: labelPath)
    guard labels.shape.count == 1 else {
      throw .notIDX(path: labelPath, reason: "labels need 1 dimension [N], found \(labels.shape)")
    }
    guard shape[0] == labels.shape[0] else {
      throw .mismatch(
        "\(imagePath) holds \(shape[0]) images but \(labelPath) holds \(labels.shape[0]) labels")
    }
    if let bad = labels.bytes.first(where: { Int($0) >= classNames.count }) {
      throw .notIDX(
        path: labelPath, reason: "label \(bad) is not one of the \(classNames.count) classes")
    }
    let images = ByteImages(
      pixels: pixels, count: shape[0], height: shape[1], width: shape[2], padding: padding,
      table: normalization.table)
    return try Dataset(
      images: images, targets: labels.bytes.map { Int32($0) }, classNames: classNames, name: name)
  }

  /// The image bytes [N, H, W] of the IDX file at `path`: an uncompressed file mapped as it is;
  /// a gzipped one mapped from the cache, or decoded (and cached for the next process).
  static func imagePixels(_ path: String) throws(DataError) -> (PixelBytes, [Int]) {
    if let shape = IDXCache.imageShape(path), let pixels = PixelBytes(mapping: path, offset: 16) {
      return (pixels, shape)
    }
    if let cached = IDXCache.map(path) { return cached }
    // A class runs the same cell at once: one kernel decodes and writes the entry while the
    // others wait for it and map it, instead of each decoding a copy of its own.
    return try IDXCache.withEntryLock(for: path) { () throws(DataError) in
      if let cached = IDXCache.map(path) { return cached }
      return try decodeAndCache(path)
    }
  }

  /// Decodes the gzipped IDX file at `path`, stores it as the cache entry and maps that entry
  /// (the decoded copy is then given back to the operating system); without a cache, the copy.
  static func decodeAndCache(_ path: String) throws(DataError) -> (PixelBytes, [Int]) {
    let images = try IDXFile(path: path)
    guard images.shape.count == 3 else {
      throw .notIDX(path: path, reason: "images need 3 dimensions [N, H, W], found \(images.shape)")
    }
    guard IDXCache.store(images, for: path), let cached = IDXCache.map(path) else {
      return (PixelBytes(copying: images.bytes), images.shape)
    }
    return cached
  }

  /// Gives the decoded copies (freed once mapped from the cache) back to the operating system.
  static func releaseDecodedCopies() { _ = AllocatorPolicy.releaseFreedMemory() }

  /// Loads the training pair (paths 0, 1) and the test pair (paths 2, 3) on two threads.
  static func loadPair(
    _ paths: [String], padding: Int, normalization: Normalization, classNames: [String],
    name: String
  ) throws(DataError) -> (train: Dataset, test: Dataset) {
    let results = Mutex<[Int: Result<Dataset, DataError>]>([:])
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      let result = Result { () throws(DataError) -> Dataset in
        try load(
          images: paths[2 * part], labels: paths[2 * part + 1], padding: padding,
          normalization: normalization,
          classNames: classNames, name: "\(name) (\(part == 0 ? "train" : "test"))")
      }
      results.withLock { $0[part] = result }
    }
    let done = results.withLock { $0 }
    releaseDecodedCopies()
    guard let train = done[0], let test = done[1] else {
      throw .invalidArgument("loading \(name) did not finish")
    }
    return (try train.get(), try test.get())
  }

  /// `directory/stem.gz` if it exists, else `directory/stem`.
  static func path(_ directory: String, _ stem: String) -> String {
    let base = directory.hasSuffix("/") ? directory + stem : directory + "/" + stem
    return fileExists(base + ".gz") || !fileExists(base) ? base + ".gz" : base
  }

  static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
