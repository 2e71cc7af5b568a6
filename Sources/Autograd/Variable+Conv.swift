import Tensor

/// 2-D convolution of variables (NCHW): x [N, C, H, W], weight [outC, C/groups, kH, kW],
/// bias [outC] → [N, outC, oH, oW], then `activation`. ReLU, tanh and sigmoid are one fused op
/// (the same values as `conv2d(…).activation(f)`, one tensor fewer); gradients from
/// `Kernels.activationBackward` and `Kernels.conv2dBackward`.
public func conv2d(
  _ x: Variable, weight: Variable, bias: Variable? = nil, options: Conv2dOptions = Conv2dOptions(),
  activation f: Activation = .identity
) throws -> Variable {
  let fused = f == .relu || f == .tanh || f == .sigmoid
  if f != .identity && !fused {
    return try conv2d(x, weight: weight, bias: bias, options: options).activation(f)
  }
  let (xv, wv) = (x.value, weight.value)
  let y = try Kernels.conv2d(xv, weight: wv, bias: bias?.value, options: options, activation: f)
  let parents = bias.map { [x, weight, $0] } ?? [x, weight]
  return Variable.op(y, parents) { dy in
    // ReLU's mask from its output: y > 0 exactly where the pre-activation is > 0.
    let g = fused ? try Kernels.activationBackward(dy, input: y, output: y, f) : dy
    var grads: [Tensor?]
    if x.requiresGrad && weight.requiresGrad {
      let r = try Kernels.conv2dBackward(g, input: xv, weight: wv, hasBias: false, options: options)
      grads = [r.input, r.weight]
    } else {
      grads = [
        x.requiresGrad
          ? try Kernels.conv2dBackwardInput(g, weight: wv, inputShape: xv.shape, options: options)
          : nil,
        weight.requiresGrad
          ? try Kernels.conv2dBackwardWeight(g, input: xv, weightShape: wv.shape, options: options)
          : nil,
      ]
    }
    if let bias { grads.append(bias.requiresGrad ? try Kernels.conv2dBackwardBias(g) : nil) }
    return grads
  }
}

/// 2-D transposed convolution of variables (NCHW): x [N, inC, H, W], weight [inC, outC/groups,
/// kH, kW], bias [outC] → [N, outC, oH, oW] (see `Kernels.convTranspose2d`).
public func convTranspose2d(
  _ x: Variable, weight: Variable, bias: Variable? = nil,
  options: ConvTranspose2dOptions = ConvTranspose2dOptions()
) throws -> Variable {
  let (xv, wv) = (x.value, weight.value)
  let y = try Kernels.convTranspose2d(xv, weight: wv, bias: bias?.value, options: options)
  let parents = bias.map { [x, weight, $0] } ?? [x, weight]
  return Variable.op(y, parents) { g in
    var grads: [Tensor?] = [
      x.requiresGrad
        ? try Kernels.convTranspose2dBackwardInput(
          g, weight: wv, inputShape: xv.shape, options: options) : nil,
      weight.requiresGrad
        ? try Kernels.convTranspose2dBackwardWeight(
          g, input: xv, weightShape: wv.shape, options: options) : nil,
    ]
    if let bias { grads.append(bias.requiresGrad ? try Kernels.conv2dBackwardBias(g) : nil) }
    return grads
  }
}
