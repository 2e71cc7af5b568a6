/// U-Net (Ronneberger et al. 2015): 3x3 convolutions with ReLU, 2x2 max pooling down, 2x2
/// up-convolutions (stride 2) halving the channels, skip connections that crop the encoder's map
/// to the decoder's and concatenate, and a 1x1 convolution to `classes` maps.
///
/// Widths `baseWidth·2^level` for levels `0…depth`. `padding: .valid` is the paper's: with the
/// defaults (64, 4) a 1x572x572 input gives a 2x388x388 output, 31,030,658 parameters (checked
/// against a PyTorch re-implementation) for one input channel and two classes. `padding: .same`
/// keeps the size, so the mask matches the image (built for a `16·2^depth` input; any size
/// divisible by `2^depth` works).
public func UNet(
  inChannels: Int = 1, classes: Int = 2, baseWidth: Int = 64, depth: Int = 4,
  padding: Padding = .valid, seed: UInt64 = 0
) throws -> Sequential {
  let same = padding == .same
  let depths = same ? 1...6 : 1...8
  guard depths.contains(depth), (1...4096).contains(baseWidth), padding.isZero || same else {
    throw ShapeError(
      layer: "UNet(depth: \(depth))", got: [], expected: "depth ≥ 1",
      problem:
        "UNet(baseWidth: \(baseWidth), depth: \(depth), padding: \(padding)) needs a depth of \(depths.lowerBound) to \(depths.upperBound), a baseWidth of 1 to 4096 and padding .valid or .same",
      fix: "use depth: 4, baseWidth: 64 as the paper")
  }
  let size = same ? 16 << depth : unetInputSize(depth: depth)
  return try Sequential(input: [inChannels, size, size], seed: seed) {
    unetLevel(0, depth: depth, baseWidth: baseWidth, padding: same ? .same : 0)
    Conv2D(classes, kernel: 1)
  }
}

/// One level: two convolutions, and (above the bottom) the skip around the deeper levels, then
/// two more convolutions on the concatenation.
func unetLevel(_ level: Int, depth: Int, baseWidth: Int, padding: Padding) -> [Layer] {
  let width = baseWidth << level
  let twice: [Layer] = [
    Conv2D(width, kernel: 3, padding: padding, activation: .relu),
    Conv2D(width, kernel: 3, padding: padding, activation: .relu),
  ]
  guard level < depth else { return twice }
  let skip = SkipConcat {
    MaxPool2D(2)
    Sequential(
      name: "level\(level + 1)",
      layers: unetLevel(
        level + 1, depth: depth,
        baseWidth: baseWidth, padding: padding))
    ConvTranspose2D(width, kernel: 2, stride: 2)
  }
  return twice + [
    skip, Conv2D(width, kernel: 3, padding: padding, activation: .relu),
    Conv2D(width, kernel: 3, padding: padding, activation: .relu),
  ]
}

/// The paper's input size generalised: a 32x32 map at the bottom (28x28 after its convolutions),
/// doubled plus 4 per level above; 572 for depth 4.
func unetInputSize(depth: Int) -> Int {
  (0..<depth).reduce(32) { size, _ in size * 2 + 4 }
}
