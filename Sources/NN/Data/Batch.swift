import Tensor

/// A mini-batch: images [N, C, H, W] and their targets.
///
/// `labels` holds one class index per sample ([N], classification) or per pixel ([N, H, W],
/// segmentation), as Float values of whole numbers, the form the losses take.
public struct Batch: Sendable {
  /// Images, [N, C, H, W] (NCHW).
  public let images: Tensor
  /// Class indices as Float: [N] for labels, [N, H, W] for masks.
  public let labels: Tensor
  /// The class indices as integers, flattened (N or N·H·W values).
  public let targets: [Int]

  /// The number of samples.
  public var count: Int { images.shape.first ?? 0 }

  /// Makes a batch from tensors; `labels` must hold whole-number class indices.
  public init(images: Tensor, labels: Tensor) throws(DataError) {
    guard images.rank == 4, let n = images.shape.first, labels.shape.first == n,
      labels.rank == 1 || labels.rank == 3
    else {
      throw .invalidArgument(
        "a batch needs images [N, C, H, W] and labels [N] or [N, H, W], got \(images.shape) and \(labels.shape)"
      )
    }
    guard labels.scalars.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 1e6 }) else {
      throw .invalidArgument("labels must be non-negative whole numbers (class indices)")
    }
    self.images = images
    self.labels = labels
    self.targets = labels.scalars.map { Int($0) }
  }

  init(uncheckedImages images: Tensor, labels: Tensor, targets: [Int]) {
    self.images = images
    self.labels = labels
    self.targets = targets
  }
}

extension Dataset {
  /// The first `n` samples as one batch (no shuffling, no augmentation): `data.train.batch(128)`.
  public func batch(_ n: Int) throws(DataError) -> Batch {
    guard n > 0 else { throw .invalidArgument("batch size must be positive, got \(n)") }
    return makeBatch(Array(0..<min(n, count))[...], augmentWith: nil)
  }

  /// Batches of `size` over one pass of the data, in a seeded random order when `shuffle`;
  /// the last batch may be smaller. Augmentations apply (seeded by `seed`) when `shuffle` is on.
  public func batches(size: Int, shuffle: Bool = true, seed: UInt64 = 0) throws(DataError)
    -> BatchSequence
  {
    guard size > 0 else { throw .invalidArgument("batch size must be positive, got \(size)") }
    var order = Array(0..<count)
    if shuffle {
      var rng = SplitMix64(seed: seed, stream: 2)
      rng.shuffle(&order)
    }
    return BatchSequence(
      dataset: self, order: order, size: size, augmentationSeed: shuffle ? seed : nil)
  }

  /// Gathers the samples at `positions` into a batch, augmenting each with its own stream.
  func makeBatch(_ positions: ArraySlice<Int>, augmentWith seed: UInt64?) -> Batch {
    let n = positions.count
    var pixels = [Float](repeating: 0, count: n * imageSize)
    for (k, p) in positions.enumerated() { copyImage(at: p, into: &pixels, offset: k * imageSize) }
    var targets = gatherTargets(positions)
    if let seed, !augmentations.isEmpty {
      augment(&pixels, &targets, positions: positions, seed: seed)
    }
    // counts agree by construction
    let images = try! Tensor(shape: [n] + sampleShape, scalars: pixels)
    let labels = try! Tensor(shape: [n] + targetShape, scalars: targets.map { Float($0) })
    return Batch(uncheckedImages: images, labels: labels, targets: targets)
  }

  /// Applies the augmentations to every sample; sample i of the storage at this draw gets the
  /// stream (seed, storage index), so a sample's augmentation does not depend on its batch.
  func augment(
    _ pixels: inout [Float], _ targets: inout [Int], positions: ArraySlice<Int>, seed: UInt64
  ) {
    for (k, p) in positions.enumerated() {
      var rng = SplitMix64(seed: seed, stream: UInt64(indices[p]) &+ 1_000_003)
      var image = Array(pixels[k * imageSize..<(k + 1) * imageSize])
      var mask: [Int]? =
        isSegmentation ? Array(targets[k * targetSize..<(k + 1) * targetSize]) : nil
      for a in augmentations { a.apply(image: &image, mask: &mask, shape: sampleShape, rng: &rng) }
      pixels.replaceSubrange(k * imageSize..<(k + 1) * imageSize, with: image)
      if let mask { targets.replaceSubrange(k * targetSize..<(k + 1) * targetSize, with: mask) }
    }
  }
}

/// The batches of one pass over a data set, built lazily: `for batch in data.train.batches(size: 64)`.
public struct BatchSequence: RandomAccessCollection, Sendable {
  let dataset: Dataset
  let order: [Int]
  let size: Int
  let augmentationSeed: UInt64?

  public var startIndex: Int { 0 }
  /// The number of batches, ⌈count / size⌉.
  public var endIndex: Int { (order.count + size - 1) / size }

  /// Batch `i`: samples i·size ..< min((i+1)·size, count) of the (shuffled) order.
  public subscript(i: Int) -> Batch {
    let slice = order[(i * size)..<Swift.min((i + 1) * size, order.count)]
    return dataset.makeBatch(slice, augmentWith: augmentationSeed)
  }
}
