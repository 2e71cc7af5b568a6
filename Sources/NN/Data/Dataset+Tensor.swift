import Tensor

/// One sample of a data set: `data.test[0]`.
public struct Sample: Sendable {
  /// The image, [C, H, W].
  public let image: Tensor
  /// The class label (for segmentation: 0; see `mask`).
  public let label: Int
  /// The segmentation mask [H, W] of class indices as Float, or nil for classification.
  public let mask: Tensor?
  /// The label's class name.
  public let className: String
}

extension Dataset {
  /// In-memory classification data: `images` [N, C, H, W], `labels` one class index per sample.
  /// Without `classNames` the classes are named "0", "1", … up to the largest label.
  public init(images: Tensor, labels: [Int], classNames: [String]? = nil, name: String = "data")
    throws(DataError)
  {
    guard images.rank == 4 else {
      throw .invalidArgument("images must be [N, C, H, W], got \(images.shape)")
    }
    let names = classNames ?? (0...(labels.max() ?? 0)).map(String.init)
    try self.init(
      images: images.scalars, sampleShape: Array(images.shape.dropFirst()),
      targets: labels.map { Int32(clamping: $0) },
      targetShape: [], classNames: names, name: name)
  }

  /// In-memory segmentation data: `images` [N, C, H, W], `masks` [N, H, W] of class indices.
  public init(images: Tensor, masks: Tensor, classNames: [String], name: String = "data")
    throws(DataError)
  {
    guard images.rank == 4, masks.rank == 3, masks.shape[0] == images.shape[0],
      Array(masks.shape[1...]) == Array(images.shape[2...])
    else {
      throw .invalidArgument(
        "images [N, C, H, W] need masks [N, H, W], got \(images.shape) and \(masks.shape)")
    }
    try self.init(
      images: images.scalars, sampleShape: Array(images.shape.dropFirst()),
      targets: masks.scalars.map { Int32(exactly: $0.rounded()) ?? -1 },
      targetShape: Array(masks.shape.dropFirst()),
      classNames: classNames, name: name)
  }

  /// Sample `index` (0-based): its image [C, H, W] and label.
  public subscript(index: Int) -> Sample {
    get throws(DataError) {
      guard index >= 0, index < count else {
        throw .invalidArgument("index \(index) is outside 0..<\(count)")
      }
      var pixels = [Float](repeating: 0, count: imageSize)
      copyImage(at: index, into: &pixels, offset: 0)
      let image = try! Tensor(shape: sampleShape, scalars: pixels)  // counts agree by construction
      let targets = gatherTargets([index][...])
      let mask =
        isSegmentation ? try! Tensor(shape: targetShape, scalars: targets.map { Float($0) }) : nil
      let label = isSegmentation ? 0 : targets[0]
      return Sample(image: image, label: label, mask: mask, className: classNames[label])
    }
  }

  /// All images as one tensor [N, C, H, W] and their targets (for `predict` and tests).
  public func allImages() -> Tensor { makeBatch(Array(0..<count)[...], augmentWith: nil).images }
}
