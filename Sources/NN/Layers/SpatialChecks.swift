/// Checks that a per-sample shape is an image, `[channels, height, width]`.
func requireImage(_ input: [Int], layer: String) throws {
  guard input.count == 3 else {
    let fix =
      input.count == 1
      ? "it comes after Flatten() or a Dense layer; move it before them"
      : "give the input as [channels, height, width]"
    throw ShapeError(
      layer: layer, got: input, expected: "[channels, height, width]",
      problem: "\(layer) expects a [channels, height, width] input but gets "
        + shapeText(input), fix: fix)
  }
}

/// The output height and width of a sliding window, with their arithmetic; throws when the window
/// does not fit or the padding is not possible.
func slidingOutput(
  layer: String, input: [Int], kernel: Int, stride: Int, padding: Padding,
  dilation: Int
) throws -> (height: Int, width: Int, arithmetic: [SizeArithmetic]) {
  try requireImage(input, layer: layer)
  try requirePositive(
    [("kernel", kernel), ("stride", stride), ("dilation", dilation)], layer: layer)
  if case .explicit(let pixels) = padding, pixels < 0 || pixels > sizeLimit {
    throw ShapeError(
      layer: layer, got: input, expected: "0 ≤ padding ≤ \(sizeLimit)",
      problem: "\(layer) has padding \(pixels)", fix: "padding must be 0 or more")
  }
  let extent = dilation * (kernel - 1) + 1
  guard extent <= sizeLimit else {
    throw ShapeError(
      layer: layer, got: input, expected: "a smaller dilated kernel",
      problem: "\(layer) has a dilated kernel of \(extent) pixels", fix: "use a smaller dilation")
  }
  if padding == .same {
    guard stride == 1, extent % 2 == 1 else {
      throw ShapeError(
        layer: layer, got: input, expected: "stride 1 and an odd kernel",
        problem: "\(layer) cannot keep the size with padding: .same",
        fix: "padding: .same needs stride 1 and an odd kernel; give padding as a number")
    }
  }
  let pad = padding.perSide(extent: extent)
  let arithmetic = slidingArithmetic(
    height: input[1], width: input[2], kernel: kernel,
    stride: stride, padding: pad, dilation: dilation)
  let height = arithmetic.first?.output ?? 0
  let width = arithmetic.last?.output ?? 0
  guard height > 0, width > 0 else {
    let need = extent - 2 * pad
    let padded = pad > 0 ? " (with padding \(pad))" : ""
    throw ShapeError(
      layer: layer, got: input, expected: "at least \(need)x\(need)",
      problem: "\(layer) needs an input of at least \(need)x\(need)\(padded) but gets "
        + spatialText(input),
      fix: "add padding, use a smaller kernel, or remove a pooling layer before it")
  }
  return (height, width, arithmetic)
}

/// The largest size, stride, padding or shape dimension accepted (keeps arithmetic from overflowing).
let sizeLimit = 1 << 24

/// Validates arguments that must be positive (and not absurdly large).
func requirePositive(_ values: [(String, Int)], layer: String) throws {
  for (label, value) in values where value < 1 || value > sizeLimit {
    throw ShapeError(
      layer: layer, got: [], expected: "1 ≤ \(label) ≤ \(sizeLimit)",
      problem: "\(layer) has \(label) \(value)",
      fix: value < 1 ? "\(label) must be at least 1" : "\(label) is too large")
  }
}

/// Validates a per-sample input shape given by a user: 1 to 4 axes, each 1…2²⁴, at most 2⁴⁰
/// elements in all.
func requireValidShape(_ shape: [Int], layer: String) throws {
  let valid =
    (1...4).contains(shape.count) && shape.allSatisfy { (1...sizeLimit).contains($0) }
    && shape.reduce(1.0) { $0 * Double($1) } <= Double(1 << 40)
  guard valid else {
    throw ShapeError(
      layer: layer, got: shape, expected: "a per-sample shape such as [1, 32, 32]",
      problem: "\(layer) cannot take the input shape \(shapeText(shape))",
      fix: "give 1 to 4 positive sizes per sample, without the batch axis")
  }
}
