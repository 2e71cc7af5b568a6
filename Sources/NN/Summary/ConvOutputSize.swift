/// The output size of a convolution or pooling window along one axis, with its working:
/// `W' = (W − F + 2P)/S + 1`, floored; `convOutputSize(input: 32, filter: 5).output == 28` and
/// `.text == "W' = (W − F + 2P)/S + 1 = (32 − 5 + 0)/1 + 1 = 28"`.
///
/// Throws when an argument is out of range or the window does not fit.
public func convOutputSize(
  input: Int, filter: Int, padding: Int = 0, stride: Int = 1,
  dilation: Int = 1
) throws -> SizeArithmetic {
  let layer = "convOutputSize(input: \(input), filter: \(filter))"
  try requirePositive(
    [
      ("input", input), ("filter", filter), ("stride", stride),
      ("dilation", dilation),
    ], layer: layer)
  guard padding >= 0 else {
    throw ShapeError(
      layer: layer, got: [input], expected: "padding ≥ 0",
      problem: "\(layer) has padding \(padding)", fix: "padding must be 0 or more")
  }
  let result = SizeArithmetic(
    sliding: input, kernel: filter, stride: stride, padding: padding,
    dilation: dilation, axis: "W")
  guard result.output > 0 else {
    throw ShapeError(
      layer: layer, got: [input], expected: "a filter no larger than the padded input",
      problem:
        "a \(result.filter)-wide filter does not fit an input of \(input) with padding \(padding)",
      fix: "use a smaller filter or more padding")
  }
  return result
}
