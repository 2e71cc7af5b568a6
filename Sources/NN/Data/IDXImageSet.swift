/// Loads an MNIST-family pair of IDX files (images [N, H, W] bytes, labels [N] bytes) as a `Dataset`.
enum IDXImageSet {
  /// Reads `images` and `labels`, pads each image by `padding` black pixels on every side and
  /// maps bytes through `normalization`. The result has sample shape [1, H + 2p, W + 2p].
  static func load(
    images imagePath: String, labels labelPath: String, padding: Int,
    normalization: Normalization, classNames: [String], name: String
  ) throws(DataError) -> Dataset {
    guard (0...64).contains(padding) else { throw .invalidArgument("padding must be in 0...64, got \(padding)") }
    let images = try IDXFile(path: imagePath)
    let labels = try IDXFile(path: labelPath)
    guard images.shape.count == 3 else {
      throw .notIDX(path: imagePath, reason: "images need 3 dimensions [N, H, W], found \(images.shape)")
    }
    guard labels.shape.count == 1 else {
      throw .notIDX(path: labelPath, reason: "labels need 1 dimension [N], found \(labels.shape)")
    }
    guard images.shape[0] == labels.shape[0] else {
      throw .mismatch("\(imagePath) holds \(images.shape[0]) images but \(labelPath) holds \(labels.shape[0]) labels")
    }
    if let bad = labels.bytes.first(where: { Int($0) >= classNames.count }) {
      throw .notIDX(path: labelPath, reason: "label \(bad) is not one of the \(classNames.count) classes")
    }
    let (n, h, w) = (images.shape[0], images.shape[1], images.shape[2])
    let pixels = expand(images.bytes, count: n, h: h, w: w, padding: padding, table: normalization.table)
    return try Dataset(
      images: pixels, sampleShape: [1, h + 2 * padding, w + 2 * padding],
      targets: labels.bytes.map { Int32($0) }, targetShape: [], classNames: classNames, name: name)
  }

  /// Loads the training pair (paths 0, 1) and the test pair (paths 2, 3) on two threads.
  static func loadPair(
    _ paths: [String], padding: Int, normalization: Normalization, classNames: [String], name: String
  ) throws(DataError) -> (train: Dataset, test: Dataset) {
    let results = Mutex<[Int: Result<Dataset, DataError>]>([:])
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      let result = Result { () throws(DataError) -> Dataset in
        try load(
          images: paths[2 * part], labels: paths[2 * part + 1], padding: padding, normalization: normalization,
          classNames: classNames, name: "\(name) (\(part == 0 ? "train" : "test"))")
      }
      results.withLock { $0[part] = result }
    }
    let done = results.withLock { $0 }
    guard let train = done[0], let test = done[1] else { throw .invalidArgument("loading \(name) did not finish") }
    return (try train.get(), try test.get())
  }

  /// Bytes [N, H, W] → Float [N, 1, H+2p, W+2p] through a 256-entry table; padding = table[0].
  static func expand(_ bytes: [UInt8], count n: Int, h: Int, w: Int, padding p: Int, table: [Float]) -> [Float] {
    let (ph, pw) = (h + 2 * p, w + 2 * p)
    var out = [Float](repeating: table[0], count: n * ph * pw)
    out.withUnsafeMutableBufferPointer { dst in
      bytes.withUnsafeBufferPointer { src in
        table.withUnsafeBufferPointer { lut in
          for i in 0..<n {
            for y in 0..<h {
              let from = (i * h + y) * w
              let to = (i * ph + y + p) * pw + p
              for x in 0..<w { dst[to + x] = lut[Int(src[from + x])] }
            }
          }
        }
      }
    }
    return out
  }

  /// `directory/stem.gz` if it exists, else `directory/stem`.
  static func path(_ directory: String, _ stem: String) -> String {
    let base = directory.hasSuffix("/") ? directory + stem : directory + "/" + stem
    return fileExists(base + ".gz") || !fileExists(base) ? base + ".gz" : base
  }

  static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
