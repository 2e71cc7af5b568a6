/// 2-D transposed convolution (PyTorch's `conv_transpose2d`): the adjoint of `conv2d`.
extension Kernels {
  /// Transposed convolution forward.
  ///
  /// input [N, inC, H, W], weight [inC, outC/groups, kH, kW], bias [outC] or nil →
  /// output [N, outC, oH, oW], `oH = (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1`.
  /// It scatters each input pixel times the kernel into the output, i.e. it is the gradient of
  /// a `conv2d` (weight read as [outC_conv = inC, inC_conv/groups = outC/groups, kH, kW]).
  public static func convTranspose2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil,
    options: ConvTranspose2dOptions = ConvTranspose2dOptions()
  ) throws -> Tensor {
    let g = try transposedGeometry(input: input.shape, weight: weight.shape, options: options)
    if let bias, bias.shape != [g.c] {
      throw TensorError.shapeMismatch("conv_transpose2d bias must be [\(g.c)], got \(bias.shape)")
    }
    _ = try Shape.checkedCount(g.inputShape)
    var out = try ConvCore.backward(g, gradOutput: input, input: nil, weight: weight).input!
    if let bias { addChannelBias(&out, bias) }
    return out
  }

  /// Gradient of `convTranspose2d` with respect to its input (a direct convolution).
  public static func convTranspose2dBackwardInput(
    _ gradOutput: Tensor, weight: Tensor, inputShape: [Int],
    options: ConvTranspose2dOptions = ConvTranspose2dOptions()
  ) throws -> Tensor {
    let g = try transposedGeometry(input: inputShape, weight: weight.shape, options: options)
    guard gradOutput.shape == g.inputShape else {
      throw TensorError.shapeMismatch(
        "gradient shape \(gradOutput.shape) does not match the output \(g.inputShape)")
    }
    var out = Tensor.zerosUnchecked(g.outputShape)
    if out.count == 0 || weight.count == 0 { return out }
    try ConvCore.forward(g, input: gradOutput, weight: weight, bias: nil, into: &out)
    return out
  }

  /// Gradient of `convTranspose2d` with respect to its weight: → [inC, outC/groups, kH, kW].
  public static func convTranspose2dBackwardWeight(
    _ gradOutput: Tensor, input: Tensor, weightShape: [Int],
    options: ConvTranspose2dOptions = ConvTranspose2dOptions()
  ) throws -> Tensor {
    let g = try transposedGeometry(input: input.shape, weight: weightShape, options: options)
    guard gradOutput.shape == g.inputShape else {
      throw TensorError.shapeMismatch(
        "gradient shape \(gradOutput.shape) does not match the output \(g.inputShape)")
    }
    return try ConvCore.backward(g, gradOutput: input, input: gradOutput, weight: nil).weight!
  }

  /// The output shape of `convTranspose2d` for these shapes and options.
  public static func convTranspose2dOutputShape(
    input: [Int], weight: [Int], options: ConvTranspose2dOptions
  ) throws -> [Int] {
    try transposedGeometry(input: input, weight: weight, options: options).inputShape
  }

  /// The geometry of the direct convolution whose input gradient this transposed conv is:
  /// its "input" is our output and its "output" is our input.
  static func transposedGeometry(
    input: [Int], weight: [Int], options o: ConvTranspose2dOptions
  ) throws(TensorError) -> ConvGeometry {
    guard input.count == 4 else {
      throw .shapeMismatch("conv_transpose2d input must be [N, C, H, W], got \(input)")
    }
    guard weight.count == 4 else {
      throw .shapeMismatch(
        "conv_transpose2d weight must be [inC, outC/groups, kH, kW], got \(weight)")
    }
    guard weight[0] == input[1] else {
      throw .shapeMismatch(
        "conv_transpose2d weight \(weight) expects \(weight[0]) input channels, input \(input) has \(input[1])"
      )
    }
    try ConvGeometry.checkPositive(o.stride, "stride")
    try ConvGeometry.checkPositive(o.dilation, "dilation")
    guard o.padding.h >= 0, o.padding.w >= 0, o.outputPadding.h >= 0, o.outputPadding.w >= 0 else {
      throw .invalidArgument("padding and output padding must be non-negative")
    }
    guard o.outputPadding.h < max(o.stride.h, o.dilation.h),
      o.outputPadding.w < max(o.stride.w, o.dilation.w)
    else {
      throw .invalidArgument(
        "output padding \(o.outputPadding) must be smaller than the stride or the dilation")
    }
    guard o.groups >= 1, input[1] % o.groups == 0 else {
      throw .invalidArgument("groups \(o.groups) must divide input channels \(input[1])")
    }
    let oh =
      (input[2] - 1) * o.stride.h - 2 * o.padding.h + o.dilation.h * (weight[2] - 1)
      + o.outputPadding.h + 1
    let ow =
      (input[3] - 1) * o.stride.w - 2 * o.padding.w + o.dilation.w * (weight[3] - 1)
      + o.outputPadding.w + 1
    guard oh >= 1, ow >= 1 else {
      throw .shapeMismatch("conv_transpose2d output would be \(oh)×\(ow)")
    }
    let conv = Conv2dOptions(
      stride: o.stride, padding: .symmetric(o.padding), dilation: o.dilation, groups: o.groups)
    let g = try ConvGeometry.conv(
      input: [input[0], weight[1] * o.groups, oh, ow], weight: weight, options: conv)
    guard g.oh == input[2], g.ow == input[3] else {
      throw .shapeMismatch(
        "conv_transpose2d geometry mismatch for input \(input) and weight \(weight)")
    }
    return g
  }

  /// Adds `bias[c]` to every element of channel `c` of an NCHW tensor.
  static func addChannelBias(_ t: inout Tensor, _ bias: Tensor) {
    let n = t.shape[0], c = t.shape[1], hw = t.shape[2] * t.shape[3]
    let b = bias.scalars
    t.withUnsafeMutableBufferPointer { p in
      guard let base = p.baseAddress else { return }
      for img in 0..<n {
        for ch in 0..<c {
          let q = base + (img * c + ch) * hw, v = b[ch]
          for i in 0..<hw { q[i] += v }
        }
      }
    }
  }
}
