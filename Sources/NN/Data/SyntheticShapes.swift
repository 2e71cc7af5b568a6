import Tensor

/// A seeded segmentation data set: bright shapes on noisy backgrounds, with their masks.
///
/// Each sample is a [1, size, size] image and a [size, size] mask (0 = background, 1 = shape).
/// One to three shapes (discs, rectangles, triangles) of random size and position are drawn at
/// intensity 0.7–1.0 over a background of level 0–0.3 with Gaussian noise (σ = `noise`).
/// The same seed gives the same images and masks; U-Net learns it to IoU > 0.9 in a few epochs.
public struct SyntheticShapes: Sendable {
  /// The class names of the masks.
  public static let classNames = ["background", "shape"]

  /// The samples as a data set (pass it to `fit`, `evaluate`, `batches`).
  public let dataset: Dataset

  /// Makes `count` samples of `size`×`size` pixels (size in 8...512): `SyntheticShapes(count: 600, size: 48, seed: 7)`.
  public init(count: Int, size: Int = 32, noise: Float = 0.1, seed: UInt64 = 0) throws(DataError) {
    dataset = try Self.dataset(count: count, size: size, noise: noise, seed: seed)
  }

  /// The number of samples.
  public var count: Int { dataset.count }
  /// The class names of the masks.
  public var classNames: [String] { Self.classNames }

  /// Sample `index`: `.image` [1, H, W] and `.mask` [H, W].
  public subscript(index: Int) -> Sample {
    get throws(DataError) { try dataset[index] }
  }

  /// A seeded split into `.train` and `.test`: `shapes.split(trainFraction: 0.8, seed: 7)`.
  public func split(trainFraction: Double, seed: UInt64) throws(DataError) -> DataSplit {
    try dataset.split(trainFraction: trainFraction, seed: seed)
  }

  /// The samples as a `Dataset` (the generator behind `init`).
  static func dataset(count: Int, size: Int, noise: Float = 0.1, seed: UInt64) throws(DataError)
    -> Dataset
  {
    guard count > 0, (8...512).contains(size), noise >= 0 else {
      throw .invalidArgument("SyntheticShapes needs count > 0, size in 8...512 and noise ≥ 0")
    }
    var images = [Float](repeating: 0, count: count * size * size)
    var masks = [Int32](repeating: 0, count: count * size * size)
    for i in 0..<count {
      var rng = SplitMix64(seed: seed, stream: UInt64(i) &+ 100)
      let base = i * size * size
      let background = 0.3 * rng.unitFloat()
      for k in 0..<size * size { images[base + k] = background + noise * rng.normal() }
      for _ in 0..<(1 + rng.uniform(below: 3)) {
        let shape = randomShape(size: size, rng: &rng)
        let level = 0.7 + 0.3 * rng.unitFloat()
        for y in 0..<size {
          for x in 0..<size where shape.contains(Float(x) + 0.5, Float(y) + 0.5) {
            images[base + y * size + x] = level + noise * rng.normal()
            masks[base + y * size + x] = 1
          }
        }
      }
    }
    return try Dataset(
      images: images, sampleShape: [1, size, size], targets: masks, targetShape: [size, size],
      classNames: classNames, name: "synthetic shapes \(size)×\(size)")
  }

  static func randomShape(size: Int, rng: inout SplitMix64) -> Shape {
    let s = Float(size)
    let radius = s * (0.1 + 0.15 * rng.unitFloat())
    let cx = radius + (s - 2 * radius) * rng.unitFloat()
    let cy = radius + (s - 2 * radius) * rng.unitFloat()
    switch rng.uniform(below: 3) {
    case 0: return .disc(cx: cx, cy: cy, r: radius)
    case 1:
      return .rectangle(cx: cx, cy: cy, hw: radius, hh: radius * (0.5 + 0.5 * rng.unitFloat()))
    default: return .triangle(cx: cx, cy: cy, r: radius)
    }
  }

  /// A filled shape in pixel coordinates.
  enum Shape {
    case disc(cx: Float, cy: Float, r: Float)
    case rectangle(cx: Float, cy: Float, hw: Float, hh: Float)
    /// Pointing up, apex at (cx, cy − r), base at y = cy + r, half-width r.
    case triangle(cx: Float, cy: Float, r: Float)

    func contains(_ x: Float, _ y: Float) -> Bool {
      switch self {
      case .disc(let cx, let cy, let r): return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r
      case .rectangle(let cx, let cy, let hw, let hh): return abs(x - cx) <= hw && abs(y - cy) <= hh
      case .triangle(let cx, let cy, let r):
        guard y >= cy - r, y <= cy + r else { return false }
        return abs(x - cx) <= (y - (cy - r)) / 2
      }
    }
  }
}
