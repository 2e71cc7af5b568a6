import Tensor

/// Turns any image into a model's input: channels converted, then resized.
public enum ImageInput {
  /// An image `[C, H, W]` (C = 1, 3 or 4, values as the model was trained on) made into
  /// `shape = [C', H', W']`: 3 or 4 channels to 1 by luminance (0.299 R + 0.587 G + 0.114 B,
  /// alpha dropped), 1 to 3 by repetition; then shrunk by whole-factor box averaging while it is
  /// at least twice too large, then bilinear to the exact size (align_corners false).
  public static func fit(_ image: Tensor, to shape: [Int]) throws -> Tensor {
    guard image.rank == 3, [1, 3, 4].contains(image.shape[0]), image.shape[1] > 0,
      image.shape[2] > 0
    else {
      throw TrainingError.invalidArgument(
        "an image is [C, H, W] with 1, 3 or 4 channels, got \(image.shape)")
    }
    guard shape.count == 3, [1, 3].contains(shape[0]), shape[1] > 0, shape[2] > 0 else {
      throw TrainingError.invalidArgument(
        "the model's input \(shape) is not an image [C, H, W] with 1 or 3 channels")
    }
    let converted = try channels(image, to: shape[0])
    var batch = try converted.reshaped([1] + converted.shape)
    let factor = min(batch.shape[2] / shape[1], batch.shape[3] / shape[2])
    if factor >= 2 {
      batch = try Kernels.avgPool2d(batch, options: Pool2dOptions(kernel: Size2(factor, factor)))
    }
    if batch.shape[2] != shape[1] || batch.shape[3] != shape[2] {
      batch = try Kernels.upsampleBilinear2d(batch, outputSize: Size2(shape[1], shape[2]))
    }
    return try batch.reshaped(shape)
  }

  /// The image with `count` channels (1 or 3).
  static func channels(_ image: Tensor, to count: Int) throws -> Tensor {
    let c = image.shape[0], plane = image.shape[1] * image.shape[2]
    let x = image.scalars
    if c == count { return image }
    if count == 1 {
      guard c >= 3 else { return image }
      let gray = (0..<plane).map {
        0.299 * x[$0] + 0.587 * x[plane + $0] + 0.114 * x[2 * plane + $0]
      }
      return try Tensor(shape: [1, image.shape[1], image.shape[2]], scalars: gray)
    }
    let rgb = c == 1 ? x + x + x : Array(x[0..<(3 * plane)])
    return try Tensor(shape: [3, image.shape[1], image.shape[2]], scalars: rgb)
  }
}
