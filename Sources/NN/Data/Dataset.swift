import Tensor

/// An in-memory data set of images with class labels or segmentation masks.
///
/// Images are stored once, as Float32 in NCHW order (each sample `sampleShape` = [C, H, W]), or
/// as grey bytes made Float32 per image when batches are drawn (`ByteImages`: IDX data sets);
/// targets are class indices: one per sample (`targetShape` = []) or one per pixel
/// (`targetShape` = [H, W], a segmentation mask). A `Dataset` is a cheap view: `subset`,
/// `shuffled`, `split` and `augmented` share the storage and only remap indices.
public struct Dataset: Sendable {
  final class Storage: Sendable {
    let images: [Float]
    let bytes: ByteImages?
    let targets: [Int32]
    init(images: [Float], bytes: ByteImages? = nil, targets: [Int32]) {
      self.images = images
      self.bytes = bytes
      self.targets = targets
    }
  }

  let storage: Storage
  let indices: [Int]
  /// The shape of one image, [C, H, W].
  public let sampleShape: [Int]
  /// The shape of one target: [] for a class label, [H, W] for a segmentation mask.
  public let targetShape: [Int]
  /// The names of the classes, index = label.
  public let classNames: [String]
  /// A short name for display, e.g. "Fashion-MNIST (train)".
  public let name: String
  /// Random transformations applied to images when batches are drawn for training.
  public private(set) var augmentations: [Augmentation] = []

  /// Makes a data set from flat arrays: `images` holds `targets.count / targetSize` samples.
  init(
    images: [Float], sampleShape: [Int], targets: [Int32], targetShape: [Int],
    classNames: [String], name: String
  ) throws(DataError) {
    let imageSize = sampleShape.reduce(1, *)
    let targetSize = targetShape.reduce(1, *)
    guard sampleShape.count == 3, imageSize > 0, targetSize > 0 else {
      throw .invalidArgument("a sample must have shape [C, H, W], got \(sampleShape)")
    }
    guard images.count % imageSize == 0, images.count / imageSize * targetSize == targets.count
    else {
      throw .mismatch(
        "\(images.count / imageSize) images but \(targets.count / targetSize) targets")
    }
    guard !classNames.isEmpty, targets.allSatisfy({ $0 >= 0 && Int($0) < classNames.count }) else {
      throw .invalidArgument("every target must be a class index in 0..<\(classNames.count)")
    }
    storage = Storage(images: images, targets: targets)
    indices = Array(0..<(images.count / imageSize))
    self.sampleShape = sampleShape
    self.targetShape = targetShape
    self.classNames = classNames
    self.name = name
  }

  /// Makes a classification data set over grey byte images, [1, H + 2p, W + 2p] each.
  init(images: ByteImages, targets: [Int32], classNames: [String], name: String) throws(DataError) {
    guard images.count == targets.count else {
      throw .mismatch("\(images.count) images but \(targets.count) targets")
    }
    guard !classNames.isEmpty, targets.allSatisfy({ $0 >= 0 && Int($0) < classNames.count }) else {
      throw .invalidArgument("every target must be a class index in 0..<\(classNames.count)")
    }
    storage = Storage(images: [], bytes: images, targets: targets)
    indices = Array(0..<images.count)
    sampleShape = [1, images.height + 2 * images.padding, images.width + 2 * images.padding]
    targetShape = []
    self.classNames = classNames
    self.name = name
  }

  init(viewing base: Dataset, indices: [Int], augmentations: [Augmentation]? = nil) {
    storage = base.storage
    self.indices = indices
    sampleShape = base.sampleShape
    targetShape = base.targetShape
    classNames = base.classNames
    name = base.name
    self.augmentations = augmentations ?? base.augmentations
  }

  /// The number of samples.
  public var count: Int { indices.count }
  /// The number of classes.
  public var classCount: Int { classNames.count }
  /// Whether targets are per-pixel masks (segmentation) rather than one label per sample.
  public var isSegmentation: Bool { !targetShape.isEmpty }
  var imageSize: Int { sampleShape.reduce(1, *) }
  var targetSize: Int { targetShape.reduce(1, *) }

  /// The samples in `range` (positions in this data set, not in the storage).
  public func subset(_ range: Range<Int>) throws(DataError) -> Dataset {
    guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else {
      throw .invalidArgument("subset \(range) is outside 0..<\(count) or empty")
    }
    return Dataset(viewing: self, indices: Array(indices[range]))
  }

  /// The same samples in a seeded random order.
  public func shuffled(seed: UInt64) -> Dataset {
    var order = indices
    var rng = SplitMix64(seed: seed, stream: 1)
    rng.shuffle(&order)
    return Dataset(viewing: self, indices: order)
  }

  /// The first `n` samples (all of them when `n` ≥ count), like Swift's `prefix`.
  public func prefix(_ n: Int) -> Dataset {
    Dataset(viewing: self, indices: Array(indices.prefix(max(n, 0))))
  }

  /// A seeded random split: `trainFraction` of the samples for training, the rest held out.
  public func split(trainFraction: Double, seed: UInt64) throws(DataError) -> DataSplit {
    let trainCount = Int((Double(count) * trainFraction).rounded())
    guard trainFraction > 0, trainFraction < 1, trainCount > 0, trainCount < count else {
      throw .invalidArgument(
        "trainFraction \(trainFraction) leaves an empty part of \(count) samples")
    }
    let order = shuffled(seed: seed).indices
    return DataSplit(
      train: Dataset(viewing: self, indices: Array(order[..<trainCount])),
      test: Dataset(viewing: self, indices: Array(order[trainCount...])))
  }

  /// The same samples with augmentations applied whenever training batches are drawn.
  public func augmented(_ augmentations: [Augmentation]) -> Dataset {
    Dataset(viewing: self, indices: indices, augmentations: augmentations)
  }

  /// The class label of sample `position` (for segmentation, the first pixel's class).
  func label(at position: Int) -> Int { Int(storage.targets[indices[position] * targetSize]) }

  /// Copies the image of sample `position` into `out` starting at `offset`.
  func copyImage(at position: Int, into out: inout [Float], offset: Int) {
    let n = imageSize
    let start = indices[position] * n
    out.withUnsafeMutableBufferPointer { dst in
      if let bytes = storage.bytes {
        return bytes.copy(indices[position], to: dst.baseAddress! + offset)
      }
      storage.images.withUnsafeBufferPointer { src in
        dst.baseAddress!.advanced(by: offset).update(
          from: src.baseAddress!.advanced(by: start), count: n)
      }
    }
  }

  /// The targets of the samples at `positions`, flattened (N or N·H·W class indices).
  func gatherTargets(_ positions: ArraySlice<Int>) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(positions.count * targetSize)
    for p in positions {
      let start = indices[p] * targetSize
      for k in start..<start + targetSize { out.append(Int(storage.targets[k])) }
    }
    return out
  }
}

/// A training part and a held-out part of one data set (`split(trainFraction:seed:)`).
public struct DataSplit: Sendable {
  /// The samples to train on.
  public let train: Dataset
  /// The held-out samples, for validation or testing.
  public let test: Dataset
  /// The held-out samples (the same as `test`).
  public var validation: Dataset { test }
}
