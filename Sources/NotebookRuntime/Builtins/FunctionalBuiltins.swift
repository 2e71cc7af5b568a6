import Autograd
import Lang
import Tensor

/// The functional NN operations on tensors, each differentiable: `conv2d` (stride, padding,
/// dilation, groups, bias), `convTranspose2d`, `maxPool2D`/`avgPool2D` (size, stride, padding),
/// `batchNorm`, `dropout` (seeded), `linear`, `flatten`, `upsample`. Images are `[N, C, H, W]`;
/// a `[C, H, W]` image (or `[H, W]` for pooling) is one sample and keeps its rank.
enum FunctionalBuiltins {
  static func register(_ r: Registrar) {
    registerConvolutions(r)
    registerPooling(r)
    registerLayers(r)
    registerNormalisation(r)
  }

  static func variable(_ a: Arguments, _ name: String) throws -> Variable? {
    a.isNil(name) ? nil : try TensorBuiltins.variable(a, name)
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerConvolutions(_ r: Registrar) {
    r.add(
      "conv2d",
      [
        P.positional("image", "Tensor"), P.positional("kernel", "Tensor"),
        P.labelled("bias", "Tensor?", default: .null),
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("stride", "Int", default: .int(1)),
        P.labelled("dilation", "Int", default: .int(1)),
        P.labelled("groups", "Int", default: .int(1)),
      ], returns: "Tensor",
      doc:
        "Cross-correlation, as every deep-learning library: a 2-D kernel [kh, kw] slides over a single-channel image [H, W] or [1, H, W] (giving [1, H', W']); a 4-D kernel [outC, C/groups, kh, kw] over [C, H, W] or [N, C, H, W] with bias [outC]. out[i, j] = Σ image[i·S + u·D − P, j·S + v·D − P]·kernel[u, v]; output side (H + 2P − D·(k − 1) − 1)/S + 1.",
      example:
        "conv2d(Tensor.ones([1, 4, 4]), Tensor.ones([2, 1, 3, 3]), padding: 1).shape   // [2, 4, 4]",
      isType: false
    ) { a in
      let image = try TensorBuiltins.variable(a, "image"),
        kernel = try TensorBuiltins.variable(a, "kernel")
      let (stride, padding) = (try a.int("stride"), try a.int("padding"))
      guard kernel.shape.count == 4 else {
        guard a.isNil("bias"), try a.int("dilation") == 1, try a.int("groups") == 1 else {
          throw HostError(
            "ValueError",
            "conv2d: bias:, dilation: and groups: need a 4-D kernel [outC, C/groups, kh, kw]")
        }
        return .host(
          TensorValue(try ImageOps.conv(image, kernel, padding: padding, stride: stride)))
      }
      let options = Conv2dOptions(
        stride: Size2(stride), padding: .uniform(padding), dilation: Size2(try a.int("dilation")),
        groups: try a.int("groups"))
      let bias = try variable(a, "bias")
      return .host(
        TensorValue(
          try batched(image, "conv2d") {
            try Autograd.conv2d($0, weight: kernel, bias: bias, options: options)
          }))
    }
    r.add(
      "convTranspose2d",
      [
        P.positional("image", "Tensor"), P.positional("kernel", "Tensor"),
        P.labelled("bias", "Tensor?", default: .null),
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("stride", "Int", default: .int(1)),
        P.labelled("outputPadding", "Int", default: .int(0)),
      ], returns: "Tensor",
      doc:
        "Transposed convolution (the gradient of conv2d; upsamples by stride): image [C, H, W] or [N, C, H, W], kernel [C, outC, kh, kw], bias [outC]. Output side (H − 1)·S − 2P + k + outputPadding.",
      example:
        "convTranspose2d(Tensor.ones([1, 2, 2]), Tensor.ones([1, 1, 2, 2]), stride: 2).shape   // [1, 4, 4]",
      isType: false
    ) { a in
      let outputPadding = try ArgumentLimits.check(
        try a.int("outputPadding"), "outputPadding", in: 0...ArgumentLimits.largestSize)
      let options = ConvTranspose2dOptions(
        stride: Size2(try a.int("stride")), padding: Size2(try a.int("padding")),
        outputPadding: Size2(outputPadding))
      let (kernel, bias) = (try TensorBuiltins.variable(a, "kernel"), try variable(a, "bias"))
      return .host(
        TensorValue(
          try batched(try TensorBuiltins.variable(a, "image"), "convTranspose2d") {
            try Autograd.convTranspose2d($0, weight: kernel, bias: bias, options: options)
          }))
    }
  }

  /// Applies an NCHW op to `[N, C, H, W]`, or to `[C, H, W]` as one sample (the result without its batch axis).
  static func batched(_ x: Variable, _ name: String, _ op: (Variable) throws -> Variable) throws
    -> Variable
  {
    switch x.shape.count {
    case 4: return try op(x)
    case 3:
      let y = try op(try x.expandingShape(at: 0))
      return try y.reshaped(Array(y.shape.dropFirst()))
    default:
      throw HostError(
        "ShapeError",
        "\(name) takes an image [C, H, W] or a batch [N, C, H, W], got shape \(x.shape)")
    }
  }

  private static func registerPooling(_ r: Registrar) {
    let parameters = [
      P.positional("x", "Tensor"), P.labelled("size", "Int", default: .int(2)),
      P.labelled("stride", "Int?", default: .null),
      P.labelled("padding", "Int", default: .int(0)),
    ]
    for (name, isMax) in [("maxPool2D", true), ("avgPool2D", false)] {
      let what = isMax ? "the largest value" : "the mean (padding counted as zeros)"
      r.add(
        name, parameters, returns: "Tensor",
        doc:
          "Pooling of [H, W], [C, H, W] or [N, C, H, W]: each size×size window, moved by stride (default size), becomes \(what). Output side (W + 2·padding − size)/stride + 1; padding at most size/2.",
        example:
          "\(name)(Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]]), size: 2, stride: 2)",
        isType: false
      ) { a in
        let size = try a.int("size")
        let options = Pool2dOptions(
          kernel: Size2(size), stride: Size2(try a.optionalInt("stride") ?? size),
          padding: Size2(try a.int("padding")))
        let x = try TensorBuiltins.variable(a, "x")
        return .host(
          TensorValue(
            try ImageOps.applyPlanar(x) {
              isMax ? try $0.maxPool2d(options) : try $0.avgPool2d(options)
            }))
      }
    }
    r.add(
      "upsample",
      [
        P.positional("x", "Tensor"), P.labelled("scale", "Int", default: .int(2)),
        P.labelled(
          "mode", "UpsampleMode", default: .implicitMember("nearest"),
          implicit: ["nearest", "bilinear"]),
      ],
      returns: "Tensor",
      doc:
        "[H, W], [C, H, W] or [N, C, H, W] enlarged scale times: each pixel repeated (.nearest) or interpolated (.bilinear, half-pixel centres).",
      example:
        "upsample(Tensor([[1, 2]]), scale: 2).array   // [[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0]]",
      isType: false
    ) { a in
      let mode: UpsampleMode = try a.implicitMember("mode") == "bilinear" ? .bilinear : .nearest
      let scale = try a.int("scale")
      return .host(
        TensorValue(
          try ImageOps.applyPlanar(try TensorBuiltins.variable(a, "x")) {
            try $0.upsample(scale: scale, mode: mode)
          }))
    }
  }

  private static func registerLayers(_ r: Registrar) {
    r.add(
      "linear",
      [
        P.positional("x", "Tensor"), P.positional("weight", "Tensor"),
        P.labelled("bias", "Tensor?", default: .null),
      ],
      returns: "Tensor",
      doc:
        "x·weightᵀ + bias, as a Dense layer: x [N, in], weight [out, in], bias [out] → [N, out].",
      example:
        "linear(Tensor([[1, 2]]), Tensor([[1, 1], [0, 1]]), bias: Tensor([0, 10])).array   // [[3.0, 12.0]]",
      isType: false
    ) { a in
      .host(
        TensorValue(
          try Autograd.linear(
            try TensorBuiltins.variable(a, "x"), weight: try TensorBuiltins.variable(a, "weight"),
            bias: try variable(a, "bias"))))
    }
    r.add(
      "flatten", [P.positional("x", "Tensor"), P.labelled("from", "Int", default: .int(1))],
      returns: "Tensor",
      doc:
        "The axes from `from` on (1 by default: all but the batch axis) merged into one, as a Flatten layer.",
      example: "flatten(Tensor.zeros([2, 3, 4])).shape   // [2, 12]", isType: false
    ) { a in
      let x = try TensorBuiltins.variable(a, "x")
      return .host(
        TensorValue(try x.flattened(startAxis: try TensorArguments.axis(a, "from", shape: x.shape)))
      )
    }
    r.add(
      "dropout",
      [
        P.positional("x", "Tensor"), P.labelled("p", "Double", default: .double(0.5)),
        P.labelled("training", "Bool", default: .bool(true)),
        P.labelled("seed", "Int?", default: .null),
      ], returns: "Tensor",
      doc:
        "Each element zeroed with probability p and the rest scaled by 1/(1 − p) (inverted dropout), when training; the identity otherwise. With seed: its own stream, else the session's next seed.",
      example: "dropout(Tensor.ones([8]), p: 0.5, seed: 1).scalars", isType: false
    ) { a in
      let p = try a.double("p")
      guard p >= 0, p < 1 else {
        throw HostError("ValueError", "dropout: p must be in 0..<1, got \(p)")
      }
      var generator =
        try a.optionalInt("seed").map { SeededGenerator(seed: UInt64(bitPattern: Int64($0))) }
        ?? r.runtime.generator()
      return .host(
        TensorValue(
          try TensorBuiltins.variable(a, "x").dropout(
            p: Float(p), training: try a.bool("training"), using: &generator)))
    }
  }
}
