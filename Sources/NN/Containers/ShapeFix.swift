/// Looks for a fix to a shape error of a whole model: padding on the first convolution that
/// makes every shape fit ("the input is 28x28, did you mean padding: 2?").
func suggestFix(for error: ShapeError, model: Sequential, input: [Int]) -> ShapeError {
  guard input.count == 3,
    let first = model.layers.firstIndex(where: { $0 is Conv2D }),
    let conv = model.layers[first] as? Conv2D,
    conv.padding.isZero
  else { return error }
  for padding in 1...4 {
    let trial = Conv2D(
      conv.filters, kernel: conv.kernel, stride: conv.stride,
      padding: .explicit(padding), dilation: conv.dilation, groups: conv.groups,
      bias: conv.useBias)
    var layers = model.layers
    layers[first] = trial
    if (try? LayerChain(layers: layers).outputShape(for: input)) != nil {
      var fixed = error
      fixed.fix = "the input is \(spatialText(input)), did you mean padding: \(padding)?"
      return fixed
    }
  }
  return error
}
