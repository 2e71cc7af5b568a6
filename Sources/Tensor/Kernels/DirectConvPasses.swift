/// Which algorithm a convolution pass uses; `.auto` picks by shape (see `ConvCore.usesDirect`).
enum ConvPath: Sendable {
  case auto, im2col, direct
}

extension ConvCore {
  /// The dispatch rule, from shapes only: the direct kernel for stride 1 with a kernel of more
  /// than one tap (1×1 convolutions are a plain GEMM, which OpenBLAS does better). The same rule
  /// on every processor, so results do not depend on which tiles run.
  static func usesDirect(_ g: ConvGeometry, _ path: ConvPath) -> Bool {
    switch path {
    case .im2col: return false
    case .direct: return DirectConv.applies(g)
    case .auto: return DirectConv.applies(g) && g.kh * g.kw > 1
    }
  }

  /// Stride-1 forward by the direct kernel (see `DirectConv`): input [N, C, H, W] →
  /// `out` [N, outC, oH, oW] = conv(input, weight) + bias.
  static func directForward(
    _ g: ConvGeometry, input: Tensor, weight: Tensor, bias: Tensor?,
    activation: Activation = .identity, into out: inout Tensor
  ) throws {
    let plan = DirectConv(forward: g),
      chunking = DirectChunking(n: g.n, floatsPerImage: plan.imageFloats)
    let ocg = g.outCPerGroup, cpg = g.cPerGroup, ohw = g.oh * g.ow, hw = g.h * g.w
    try input.withUnsafeBufferPointer { xb in
      try weight.withUnsafeBufferPointer { wb in
        try withOptionalPointer(bias) { bPtr in
          try out.withUnsafeMutableBufferPointer { ob in
            let x = UncheckedBox(xb.baseAddress!), o = SendablePointer(ob.baseAddress!),
              b = UncheckedBox(bPtr)
            try Scratch.with(plan.packedFloats * g.groups) { packed in
              for grp in 0..<g.groups {
                plan.pack(
                  wb.baseAddress!, group: grp, transposed: false, packed + grp * plan.packedFloats)
              }
              let pk = UncheckedBox(UnsafePointer(packed))
              try Threading.forEachChunk(chunking.chunks, parallel: g.n > 1) { chunk in
                let images = chunking.images(chunk, g.n), nb = images.count
                Scratch.with(nb * plan.imageFloats + plan.partialFloats + 16) { s in
                  let planes = aligned(s)
                  for grp in 0..<g.groups {
                    for (i, img) in images.enumerated() {
                      plan.pad(
                        x.value + (img * g.c + grp * cpg) * hw, channels: cpg, srcH: g.h, srcW: g.w,
                        top: g.padTop, left: g.padLeft, planes + i * plan.planeStride,
                        channelStride: nb * plan.planeStride)
                    }
                    plan.forward(
                      planes, images: nb, weights: pk.value + grp * plan.packedFloats,
                      bias: b.value.map { $0 + grp * ocg },
                      out: o.base + (images.lowerBound * g.outC + grp * ocg) * ohw,
                      outImageStride: g.outC * ohw,
                      partials: planes + nb * plan.imageFloats)
                    if activation != .identity {
                      // While the chunk's output is still in cache.
                      for img in images {
                        let start = o.base + (img * g.outC + grp * ocg) * ohw
                        DirectActivation.apply(activation, start, ocg * ohw)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Stride-1 backward by the direct kernel: the input gradient (when `weight` is given) as a
  /// correlation of the zero-margined output gradient with flipped, transposed weights, and the
  /// weight gradient (when `input` is given) as per-chunk partials summed in chunk order.
  // size-budget: both gradients' passes over shared scratch; to be split with the tile generator.
  static func directBackward(
    _ g: ConvGeometry, gradOutput: Tensor, input: Tensor?, weight: Tensor?
  ) throws -> (input: Tensor?, weight: Tensor?) {
    let fp = DirectConv(forward: g), bp = DirectConv(backwardInput: g)
    let ocg = g.outCPerGroup, cpg = g.cPerGroup, ohw = g.oh * g.ow, hw = g.h * g.w
    let row8 = fp.vectorsPerRow * 8, dyFloats = fp.weightOutBlocks * fp.weightOcBlock * g.oh * row8
    let wCount = g.outC * cpg * fp.taps
    let weightFloats = input == nil ? 0 : fp.imageFloats + dyFloats
    let perImage = weightFloats + (weight == nil ? 0 : bp.imageFloats)
    let chunking = DirectChunking(n: g.n, floatsPerImage: perImage)
    let partialFloats = max(
      bp.partialFloats, fp.weightPartialFloats(images: chunking.imagesPerChunk))
    var gradInput = weight == nil ? nil : Tensor.build(g.inputShape) { _ in }
    // `weightGradient` writes every partial sum: no zeroing.
    var partials = input == nil ? nil : Tensor.build([chunking.chunks, wCount]) { _ in }
    try gradOutput.withUnsafeBufferPointer { gb in
      try withOptionalPointer(input) { xPtr in
        try withOptionalPointer(weight) { wPtr in
          try withOptionalMutablePointer(&gradInput) { dxPtr in
            try withOptionalMutablePointer(&partials) { pPtr in
              let gy = UncheckedBox(gb.baseAddress!), x = UncheckedBox(xPtr)
              let dx = UncheckedBox(dxPtr), part = UncheckedBox(pPtr)
              try Scratch.with(wPtr == nil ? 1 : bp.packedFloats * g.groups) { packed in
                if let wPtr {
                  for grp in 0..<g.groups {
                    bp.pack(wPtr, group: grp, transposed: true, packed + grp * bp.packedFloats)
                  }
                }
                let pk = UncheckedBox(UnsafePointer(packed))
                try Threading.forEachChunk(chunking.chunks, parallel: g.n > 1) { chunk in
                  let images = chunking.images(chunk, g.n), nb = images.count
                  Scratch.with(nb * perImage + partialFloats + 16) { s in
                    let planes = aligned(s), dy = planes + nb * fp.imageFloats,
                      margined = planes + nb * weightFloats
                    for grp in 0..<g.groups {
                      if let xv = x.value, let pv = part.value {
                        for (i, img) in images.enumerated() {
                          fp.pad(
                            xv + (img * g.c + grp * cpg) * hw, channels: cpg, srcH: g.h, srcW: g.w,
                            top: g.padTop, left: g.padLeft, planes + i * fp.planeStride,
                            channelStride: nb * fp.planeStride)
                        }
                        fillRows(
                          dy, gy.value, g, group: grp, images: images, row8: row8,
                          channels: fp.weightOutBlocks * fp.weightOcBlock,
                          paired: fp.wide)
                        fp.weightGradient(
                          planes, images: nb, dy: dy,
                          pv + chunk * wCount + grp * ocg * cpg * fp.taps,
                          partials: planes + nb * perImage)
                      }
                      if let dxv = dx.value {
                        for (i, img) in images.enumerated() {
                          bp.pad(
                            gy.value + (img * g.outC + grp * ocg) * ohw, channels: ocg, srcH: g.oh,
                            srcW: g.ow,
                            top: (g.kh - 1) * g.dilationH - g.padTop,
                            left: (g.kw - 1) * g.dilationW - g.padLeft,
                            margined + i * bp.planeStride, channelStride: nb * bp.planeStride)
                        }
                        bp.forward(
                          margined, images: nb, weights: pk.value + grp * bp.packedFloats,
                          bias: nil,
                          out: dxv + (images.lowerBound * g.c + grp * cpg) * hw,
                          outImageStride: g.c * hw,
                          partials: planes + nb * perImage)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    let gradWeight = partials.map {
      sumPartials($0, chunks: chunking.chunks, count: wCount, shape: g.weightShape)
    }
    return (gradInput, gradWeight)
  }

  /// Copies one group's output gradient into [channel][image][oH][row8] rows, zero past oW
  /// and for channels past the group's (up to `channels`). `paired` (the AVX-512 weight tile):
  /// channels 2i and 2i + 1 interleaved by 8-float vectors, [pair][image][oH][row8 / 8][2][8].
  static func fillRows(
    _ dst: UnsafeMutablePointer<Float>, _ gy: UnsafePointer<Float>, _ g: ConvGeometry, group: Int,
    images: Range<Int>, row8: Int, channels: Int, paired: Bool = false
  ) {
    let ocg = g.outCPerGroup, ohw = g.oh * g.ow, perChannel = images.count * g.oh * row8
    for o in 0..<channels {
      // Where element x of row (i, y) goes: d + (i·oH + y)·row8 + x, or paired
      // d + (i·oH + y)·2·row8 + (x / 8)·16 + x % 8.
      let d = paired ? dst + (o / 2) * 2 * perChannel + (o % 2) * 8 : dst + o * perChannel
      let rowStride = paired ? 2 * row8 : row8
      for (i, img) in images.enumerated() {
        for y in 0..<g.oh {
          let r = d + (i * g.oh + y) * rowStride
          let src: UnsafePointer<Float>? =
            o < ocg ? gy + (img * g.outC + group * ocg + o) * ohw + y * g.ow : nil
          if !paired {
            if let src { Im2col.copy(r, src, g.ow) } else { Im2col.fill(r, 0, g.ow) }
            Im2col.fill(r + g.ow, 0, row8 - g.ow)
            continue
          }
          var x = 0
          while x < row8 {
            // n values of this 8-float vector come from the row, the rest are zeros.
            let n = src == nil ? 0 : max(0, min(8, g.ow - x))
            if let src, n > 0 { Im2col.copy(r + 2 * x, src + x, n) }
            if n < 8 { Im2col.fill(r + 2 * x + n, 0, 8 - n) }
            x += 8
          }
        }
      }
    }
  }

  /// `p` rounded up to a 64-byte (cache line) boundary (callers reserve 16 extra floats).
  @inline(__always)
  static func aligned(_ p: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> {
    let misalign = Int(bitPattern: p) & 63
    return misalign == 0 ? p : p + (64 - misalign) / 4
  }
}

/// Activations fused into the direct forward: applied in place to each chunk's fresh output,
/// lane for lane the same float operations as `Kernels.activation`.
enum DirectActivation {
  static func fuses(_ f: Activation) -> Bool {
    f == .identity || f == .relu || f == .tanh || f == .sigmoid
  }

  static func apply(_ f: Activation, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
    switch f {
    case .relu: run(ReluKernel(), p, count)
    case .tanh: run(TanhKernel(), p, count)
    case .sigmoid: run(SigmoidKernel(), p, count)
    default: break
    }
  }

  @inline(__always)
  static func run<K: UnaryKernel>(_ k: K, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
    var i = 0
    while i + 8 <= count {
      VectorMath.store(k(VectorMath.load(p + i)), p + i)
      i += 8
    }
    if i < count {
      VectorMath.storePartial(k(VectorMath.loadPartial(p + i, count - i)), p + i, count - i)
    }
  }
}
