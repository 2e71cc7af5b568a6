import Tensor

/// A random image transformation applied to training batches (never to evaluation).
///
/// Each draw comes from the batch's seeded stream, so the same seed gives the same
/// augmented batches. Segmentation masks get the same crop and flip as their images.
public enum Augmentation: Sendable, Equatable {
  /// Pads each side by `padding` zero pixels, then crops back to the original size at a
  /// uniformly random offset in 0...2·padding (the CIFAR recipe: padding 4 on 32×32).
  case randomCrop(padding: Int)
  /// Mirrors the image left–right with probability 1/2.
  case horizontalFlip

  /// Applies the transformation to one sample: `image` is [C, H, W], `mask` (if any) is [H, W].
  func apply(image: inout [Float], mask: inout [Int]?, shape: [Int], rng: inout SplitMix64) {
    let (h, w) = (shape[1], shape[2])
    switch self {
    case .randomCrop(let padding):
      guard padding > 0 else { return }
      let dy = rng.uniform(below: 2 * padding + 1) - padding
      let dx = rng.uniform(below: 2 * padding + 1) - padding
      image = Self.shifted(image, planes: shape[0], h: h, w: w, dy: dy, dx: dx, fill: 0)
      if let m = mask { mask = Self.shifted(m, planes: 1, h: h, w: w, dy: dy, dx: dx, fill: 0) }
    case .horizontalFlip:
      guard rng.uniform(below: 2) == 1 else { return }
      image = Self.flipped(image, planes: shape[0], h: h, w: w)
      if let m = mask { mask = Self.flipped(m, planes: 1, h: h, w: w) }
    }
  }

  /// out[y][x] = in[y + dy][x + dx], or `fill` outside the image (= pad then crop).
  static func shifted<T>(_ values: [T], planes: Int, h: Int, w: Int, dy: Int, dx: Int, fill: T)
    -> [T]
  {
    var out = [T](repeating: fill, count: values.count)
    for p in 0..<planes {
      for y in 0..<h where (0..<h).contains(y + dy) {
        for x in 0..<w where (0..<w).contains(x + dx) {
          out[(p * h + y) * w + x] = values[(p * h + y + dy) * w + x + dx]
        }
      }
    }
    return out
  }

  /// Each row reversed.
  static func flipped<T>(_ values: [T], planes: Int, h: Int, w: Int) -> [T] {
    var out = values
    for row in 0..<planes * h {
      for x in 0..<w { out[row * w + x] = values[row * w + (w - 1 - x)] }
    }
    return out
  }
}
