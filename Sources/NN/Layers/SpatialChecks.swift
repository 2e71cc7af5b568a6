/// Checks that a per-sample shape is an image, `[channels, height, width]`.
func requireImage(_ input: [Int], layer: String) throws {
  guard input.count == 3 else {
    let fix = input.count == 1
      ? "it comes after Flatten() or a Dense layer; move it before them"
      : "give the input as [channels, height, width]"
    throw ShapeError(layer: layer, got: input, expected: "[channels, height, width]",
                     problem: "\(layer) expects a [channels, height, width] input but gets "
                       + shapeText(input), fix: fix)
  }
}

/// The output height and width of a sliding window, with their arithmetic; throws when the window
/// does not fit or the padding is not possible.
func slidingOutput(layer: String, input: [Int], kernel: Int, stride: Int, padding: Padding,
                   dilation: Int) throws -> (height: Int, width: Int, arithmetic: [SizeArithmetic]) {
  try requireImage(input, layer: layer)
  let extent = dilation * (kernel - 1) + 1
  if padding == .same {
    guard stride == 1, extent % 2 == 1 else {
      throw ShapeError(layer: layer, got: input, expected: "stride 1 and an odd kernel",
                       problem: "\(layer) cannot keep the size with padding: .same",
                       fix: "padding: .same needs stride 1 and an odd kernel; give padding as a number")
    }
  }
  let pad = padding.perSide(extent: extent)
  let arithmetic = slidingArithmetic(height: input[1], width: input[2], kernel: kernel,
                                     stride: stride, padding: pad, dilation: dilation)
  let height = arithmetic.first?.output ?? 0
  let width = arithmetic.last?.output ?? 0
  guard height > 0, width > 0 else {
    let need = extent - 2 * pad
    let padded = pad > 0 ? " (with padding \(pad))" : ""
    throw ShapeError(layer: layer, got: input, expected: "at least \(need)x\(need)",
                     problem: "\(layer) needs an input of at least \(need)x\(need)\(padded) but gets "
                       + spatialText(input),
                     fix: "add padding, use a smaller kernel, or remove a pooling layer before it")
  }
  return (height, width, arithmetic)
}

/// Validates constructor arguments that must be positive.
func requirePositive(_ values: [(String, Int)], layer: String) throws {
  for (label, value) in values where value < 1 {
    throw ShapeError(layer: layer, got: [], expected: "\(label) ≥ 1",
                     problem: "\(layer) has \(label) \(value)", fix: "\(label) must be at least 1")
  }
}
