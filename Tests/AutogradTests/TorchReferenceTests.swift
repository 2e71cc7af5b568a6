import Autograd
import Tensor
import Testing

/// Forward and backward against PyTorch 2.13 reference values (no PyTorch needed to run).
@Suite struct TorchReferenceTests {
  @Test(arguments: try Fixtures.load("conv2d", as: Fixtures.ConvCase.self))
  func conv2dMatchesTorch(_ c: Fixtures.ConvCase) throws {
    let padding: Padding2d
    if case .string("same") = c.options["padding"] {
      padding = .same
    } else {
      padding = .symmetric(c.options["padding"]?.size ?? 0)
    }
    let opts = Conv2dOptions(
      stride: c.options["stride"]!.size, padding: padding,
      dilation: c.options["dilation"]!.size, groups: c.options["groups"]!.int)
    let x = Variable(try c.x.tensor, requiresGrad: true),
      w = Variable(try c.w.tensor, requiresGrad: true)
    let b = Variable(try c.b.tensor, requiresGrad: true)
    let y = try conv2d(x, weight: w, bias: b, options: opts)
    #expect(close(y.value, try c.y.tensor), "\(c.name) forward")
    try y.backward(gradient: c.gy.tensor)
    #expect(close(x.grad, try c.gx.tensor), "\(c.name) input gradient")
    #expect(close(w.grad, try c.gw.tensor), "\(c.name) weight gradient")
    #expect(close(b.grad, try c.gb.tensor), "\(c.name) bias gradient")
  }

  @Test(arguments: try Fixtures.load("conv_transpose2d", as: Fixtures.ConvCase.self))
  func convTranspose2dMatchesTorch(_ c: Fixtures.ConvCase) throws {
    let o = c.options
    let opts = ConvTranspose2dOptions(
      stride: o["stride"]!.size, padding: o["padding"]!.size,
      outputPadding: o["output_padding"]!.size, dilation: o["dilation"]!.size,
      groups: o["groups"]!.int)
    let x = Variable(try c.x.tensor, requiresGrad: true),
      w = Variable(try c.w.tensor, requiresGrad: true)
    let b = Variable(try c.b.tensor, requiresGrad: true)
    let y = try convTranspose2d(x, weight: w, bias: b, options: opts)
    #expect(close(y.value, try c.y.tensor), "\(c.name) forward")
    try y.backward(gradient: c.gy.tensor)
    #expect(close(x.grad, try c.gx.tensor), "\(c.name) input gradient")
    #expect(close(w.grad, try c.gw.tensor), "\(c.name) weight gradient")
    #expect(close(b.grad, try c.gb.tensor), "\(c.name) bias gradient")
  }

  @Test(arguments: try Fixtures.load("pooling", as: Fixtures.PoolCase.self))
  func poolingMatchesTorch(_ c: Fixtures.PoolCase) throws {
    let x = Variable(try c.x.tensor, requiresGrad: true)
    let o = c.options
    let y: Variable
    switch c.kind {
    case "adaptive": y = try x.adaptiveAvgPool2d(o["output_size"]!.size)
    default:
      let opts = Pool2dOptions(
        kernel: o["kernel_size"]!.size, stride: o["stride"]!.size, padding: o["padding"]!.size,
        ceilMode: o["ceil_mode"]!.bool, countIncludePad: o["count_include_pad"]?.bool ?? true)
      y = c.kind == "max" ? try x.maxPool2d(opts) : try x.avgPool2d(opts)
    }
    #expect(close(y.value, try c.y.tensor), "\(c.name) forward")
    try y.backward(gradient: c.gy.tensor)
    #expect(close(x.grad, try c.gx.tensor), "\(c.name) input gradient")
  }

  @Test(arguments: try Fixtures.load("batch_norm", as: Fixtures.BatchNormCase.self))
  func batchNormMatchesTorch(_ c: Fixtures.BatchNormCase) throws {
    let x = Variable(try c.x.tensor, requiresGrad: true)
    let gamma = Variable(try c.gamma.tensor, requiresGrad: true),
      beta = Variable(try c.beta.tensor, requiresGrad: true)
    var rm = try c.running_mean_before.tensor, rv = try c.running_var_before.tensor
    let y = try batchNorm2d(
      x, gamma: gamma, beta: beta, runningMean: &rm, runningVar: &rv,
      training: c.training, momentum: c.momentum, epsilon: c.eps)
    #expect(close(y.value, try c.y.tensor), "\(c.name) forward")
    #expect(close(rm, try c.running_mean_after.tensor), "\(c.name) running mean")
    #expect(close(rv, try c.running_var_after.tensor), "\(c.name) running variance")
    try y.backward(gradient: c.gy.tensor)
    #expect(close(x.grad, try c.gx.tensor, atol: 1e-4), "\(c.name) input gradient")
    #expect(close(gamma.grad, try c.ggamma.tensor, atol: 1e-4), "\(c.name) gamma gradient")
    #expect(close(beta.grad, try c.gbeta.tensor), "\(c.name) beta gradient")
  }

  @Test(arguments: try Fixtures.load("cross_entropy", as: Fixtures.CrossEntropyCase.self))
  func crossEntropyMatchesTorch(_ c: Fixtures.CrossEntropyCase) throws {
    let logits = Variable(try c.logits.tensor, requiresGrad: true)
    let loss = try crossEntropy(logits: logits, labels: c.labels)
    #expect(abs(try loss.value.item - c.loss) <= 1e-5 + 1e-5 * abs(c.loss), "\(c.name) loss")
    try loss.backward()
    #expect(close(logits.grad, try c.glogits.tensor), "\(c.name) gradient")
  }

  @Test(arguments: try Fixtures.load("upsample", as: Fixtures.UpsampleCase.self))
  func upsampleMatchesTorch(_ c: Fixtures.UpsampleCase) throws {
    let x = Variable(try c.x.tensor, requiresGrad: true)
    let size = Size2(c.size[0], c.size[1])
    let y =
      c.mode == "nearest"
      ? try x.upsampleNearest(size: size)
      : try x.upsampleBilinear(size: size, alignCorners: c.align_corners)
    #expect(close(y.value, try c.y.tensor), "\(c.name) forward")
    try y.backward(gradient: c.gy.tensor)
    #expect(close(x.grad, try c.gx.tensor), "\(c.name) input gradient")
  }
}
