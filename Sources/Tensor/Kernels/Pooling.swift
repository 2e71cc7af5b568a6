/// Options of max and average pooling (PyTorch's meanings).
public struct Pool2dOptions: Sendable, Hashable {
  public var kernel: Size2
  /// Defaults to the kernel size.
  public var stride: Size2
  /// Implicit padding on each side (at most half the kernel); never selected by max pooling.
  public var padding: Size2
  /// Rounds the output size up, so a partial last window is kept.
  public var ceilMode: Bool
  /// Average pooling divides by the full window including padding (PyTorch's default).
  public var countIncludePad: Bool

  public init(
    kernel: Size2, stride: Size2? = nil, padding: Size2 = 0, ceilMode: Bool = false,
    countIncludePad: Bool = true
  ) {
    self.kernel = kernel
    self.stride = stride ?? kernel
    self.padding = padding
    self.ceilMode = ceilMode
    self.countIncludePad = countIncludePad
  }
}

/// The resolved geometry of a pooling: input [n, c, h, w] → output [n, c, oh, ow].
struct PoolGeometry {
  var planes, h, w, oh, ow: Int
  var kh, kw, sh, sw, ph, pw: Int
  var shapeIn: [Int], shapeOut: [Int]

  init(_ input: [Int], _ o: Pool2dOptions, _ name: String) throws(TensorError) {
    guard input.count == 4 else {
      throw .shapeMismatch("\(name) input must be [N, C, H, W], got \(input)")
    }
    guard o.kernel.h >= 1, o.kernel.w >= 1, o.stride.h >= 1, o.stride.w >= 1 else {
      throw .invalidArgument(
        "\(name) kernel and stride must be positive, got kernel \(o.kernel), stride \(o.stride)")
    }
    guard o.padding.h >= 0, o.padding.w >= 0, o.padding.h * 2 <= o.kernel.h,
      o.padding.w * 2 <= o.kernel.w
    else {
      throw .invalidArgument(
        "\(name) padding \(o.padding) must be between 0 and half the kernel \(o.kernel)")
    }
    func size(_ x: Int, _ k: Int, _ s: Int, _ p: Int) -> Int {
      let span = x + 2 * p - k
      guard span >= 0 else { return 0 }
      var out = (o.ceilMode ? (span + s - 1) / s : span / s) + 1
      if o.ceilMode && (out - 1) * s >= x + p { out -= 1 }
      return out
    }
    (planes, h, w) = (input[0] * input[1], input[2], input[3])
    (kh, kw, sh, sw, ph, pw) = (
      o.kernel.h, o.kernel.w, o.stride.h, o.stride.w, o.padding.h, o.padding.w
    )
    oh = size(h, kh, sh, ph)
    ow = size(w, kw, sw, pw)
    guard oh >= 1, ow >= 1 else {
      throw .shapeMismatch(
        "\(name) window \(o.kernel) does not fit the input \(h)×\(w) (padding \(o.padding))")
    }
    shapeIn = input
    shapeOut = [input[0], input[1], oh, ow]
  }

  /// Whether windows tile the input without overlap or padding (stride = kernel, e.g. 2×2/2).
  var isTiling: Bool { sh == kh && sw == kw && ph == 0 && pw == 0 && oh * kh <= h && ow * kw <= w }

  /// Planes per parallel chunk: a shape-only choice.
  /// (H·W may pass Int.max when the tensor is empty: then one plane per chunk, of none.)
  var planesPerChunk: Int {
    let (area, overflow) = h.multipliedReportingOverflow(by: w)
    return overflow ? 1 : max(1, 8192 / max(area, 1))
  }
  var chunks: Int { (planes + planesPerChunk - 1) / planesPerChunk }
}

extension Kernels {
  /// Max pooling forward: [N, C, H, W] → [N, C, oH, oW], plus, for each output, the flat index
  /// `y·W + x` of the chosen input inside its plane (the first maximum on ties; used by backward).
  public static func maxPool2d(_ input: Tensor, options: Pool2dOptions) throws -> (
    output: Tensor, indices: [Int32]
  ) {
    let g = try PoolGeometry(input.shape, options, "max_pool2d")
    var indices = [Int32](repeating: 0, count: Shape.count(g.shapeOut))
    var out = Tensor.zerosUnchecked(g.shapeOut)
    try input.withUnsafeBufferPointer { xb in
      try out.withUnsafeMutableBufferPointer { ob in
        try indices.withUnsafeMutableBufferPointer { ib in
          guard let xs = xb.baseAddress, let os = ob.baseAddress, let idxs = ib.baseAddress else {
            return
          }
          let x = UncheckedBox(xs), o = SendablePointer(os), ix = UncheckedBox(idxs)
          try Threading.forEachChunk(g.chunks, parallel: Threading.worthParallel(input.count)) {
            chunk in
            let lo = chunk * g.planesPerChunk, hi = min(g.planes, lo + g.planesPerChunk)
            for p in lo..<hi {
              maxPlane(
                g, x.value + p * g.h * g.w, o.base + p * g.oh * g.ow, ix.value + p * g.oh * g.ow)
            }
          }
        }
      }
    }
    return (out, indices)
  }

  static func maxPlane(
    _ g: PoolGeometry, _ x: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>,
    _ idx: UnsafeMutablePointer<Int32>
  ) {
    for oy in 0..<g.oh {
      let y0 = max(oy * g.sh - g.ph, 0), y1 = min(oy * g.sh - g.ph + g.kh, g.h)
      for ox in 0..<g.ow {
        let x0 = max(ox * g.sw - g.pw, 0), x1 = min(ox * g.sw - g.pw + g.kw, g.w)
        var best = -Float.infinity, at = y0 * g.w + x0
        for y in y0..<y1 {
          for xx in x0..<x1 {
            let v = x[y * g.w + xx]
            if v > best || v.isNaN {
              best = v
              at = y * g.w + xx
              if v.isNaN { break }
            }
          }
        }
        o[oy * g.ow + ox] = best
        idx[oy * g.ow + ox] = Int32(at)
      }
    }
  }

  /// Max pooling backward: each output gradient goes to the input position in `indices`.
  public static func maxPool2dBackward(_ gradOutput: Tensor, indices: [Int32], inputShape: [Int])
    throws -> Tensor
  {
    guard inputShape.count == 4, gradOutput.rank == 4, gradOutput.count == indices.count,
      Array(gradOutput.shape.prefix(2)) == Array(inputShape.prefix(2))
    else {
      throw TensorError.shapeMismatch(
        "max_pool2d backward: gradient \(gradOutput.shape), \(indices.count) indices, input \(inputShape)"
      )
    }
    var dx = try Tensor(zeros: inputShape)
    // An empty gradient (some size 0; the others may multiply past Int.max) adds nothing.
    if gradOutput.count == 0 || dx.count == 0 { return dx }
    let planes = inputShape[0] * inputShape[1], hw = inputShape[2] * inputShape[3]
    let ohw = gradOutput.shape[2] * gradOutput.shape[3]
    dx.withUnsafeMutableBufferPointer { d in
      gradOutput.withUnsafeBufferPointer { g in
        let dBox = SendablePointer(d.baseAddress!), gBox = UncheckedBox(g.baseAddress!)
        let perChunk = max(1, 4096 / max(hw, 1)), chunks = (planes + perChunk - 1) / perChunk
        indices.withUnsafeBufferPointer { ib in
          let idx = UncheckedBox(ib.baseAddress!)
          try? Threading.forEachChunk(chunks, parallel: Threading.worthParallel(planes * hw)) {
            chunk in
            for p in (chunk * perChunk)..<min(planes, (chunk + 1) * perChunk) {
              for i in 0..<ohw {
                let j = Int(idx.value[p * ohw + i])
                if j >= 0 && j < hw { dBox.base[p * hw + j] += gBox.value[p * ohw + i] }
              }
            }
          }
        }
      }
    }
    return dx
  }

  /// Average pooling forward: [N, C, H, W] → [N, C, oH, oW], each output the mean of its window
  /// (divided by the whole window when `countIncludePad`, else by its part inside the input).
  public static func avgPool2d(_ input: Tensor, options: Pool2dOptions) throws -> Tensor {
    let g = try PoolGeometry(input.shape, options, "avg_pool2d")
    var out = Tensor.zerosUnchecked(g.shapeOut)
    if g.isTiling {
      try tiledAvgPool(input, &out, g)
      return out
    }
    try input.withUnsafeBufferPointer { xb in
      try out.withUnsafeMutableBufferPointer { ob in
        guard let xs = xb.baseAddress, let os = ob.baseAddress else { return }
        let x = UncheckedBox(xs), o = SendablePointer(os)
        try Threading.forEachChunk(g.chunks, parallel: Threading.worthParallel(input.count)) {
          chunk in
          let lo = chunk * g.planesPerChunk, hi = min(g.planes, lo + g.planesPerChunk)
          for p in lo..<hi {
            avgWindows(g, options.countIncludePad) { oy, ox, y0, y1, x0, x1, scale in
              var acc: Float = 0
              let plane = x.value + p * g.h * g.w
              for y in y0..<y1 { for xx in x0..<x1 { acc += plane[y * g.w + xx] } }
              o.base[p * g.oh * g.ow + oy * g.ow + ox] = acc * scale
            }
          }
        }
      }
    }
    return out
  }

  /// Average pooling backward: each output gradient spread evenly (by the same divisor) over its window.
  public static func avgPool2dBackward(
    _ gradOutput: Tensor, inputShape: [Int], options: Pool2dOptions
  ) throws -> Tensor {
    let g = try PoolGeometry(inputShape, options, "avg_pool2d")
    guard gradOutput.shape == g.shapeOut else {
      throw TensorError.shapeMismatch(
        "avg_pool2d backward: gradient \(gradOutput.shape), expected \(g.shapeOut)")
    }
    _ = try Shape.checkedCount(inputShape)
    if g.isTiling {
      // Windows that tile the whole plane write every input gradient: no zeroing needed.
      let covered = g.oh * g.kh == g.h && g.ow * g.kw == g.w
      var dx = covered ? Tensor.build(inputShape) { _ in } : Tensor.zerosUnchecked(inputShape)
      tiledAvgPoolBackward(gradOutput, &dx, g)
      return dx
    }
    var dx = Tensor.zerosUnchecked(inputShape)
    dx.withUnsafeMutableBufferPointer { d in
      gradOutput.withUnsafeBufferPointer { gy in
        for p in 0..<g.planes {
          avgWindows(g, options.countIncludePad) { oy, ox, y0, y1, x0, x1, scale in
            let v = gy[p * g.oh * g.ow + oy * g.ow + ox] * scale
            for y in y0..<y1 { for xx in x0..<x1 { d[p * g.h * g.w + y * g.w + xx] += v } }
          }
        }
      }
    }
    return dx
  }

  /// Visits every output window: (oy, ox, rows y0..<y1, cols x0..<x1 inside the input, 1/divisor).
  @inline(__always)
  static func avgWindows(
    _ g: PoolGeometry, _ includePad: Bool, _ body: (Int, Int, Int, Int, Int, Int, Float) -> Void
  ) {
    for oy in 0..<g.oh {
      let ys = oy * g.sh - g.ph, ye = min(ys + g.kh, g.h + g.ph)
      let y0 = max(ys, 0), y1 = min(ye, g.h)
      for ox in 0..<g.ow {
        let xs = ox * g.sw - g.pw, xe = min(xs + g.kw, g.w + g.pw)
        let x0 = max(xs, 0), x1 = min(xe, g.w)
        let divisor = includePad ? (ye - ys) * (xe - xs) : (y1 - y0) * (x1 - x0)
        body(oy, ox, y0, y1, x0, x1, 1 / Float(max(divisor, 1)))
      }
    }
  }
}

extension Kernels {
  /// Average pooling over non-overlapping windows: each output sums its window row by row.
  static func tiledAvgPool(_ input: Tensor, _ out: inout Tensor, _ g: PoolGeometry) throws {
    let scale = 1 / Float(g.kh * g.kw)
    try input.withUnsafeBufferPointer { xb in
      try out.withUnsafeMutableBufferPointer { ob in
        guard let xs = xb.baseAddress, let os = ob.baseAddress else { return }
        let x = UncheckedBox(xs), o = SendablePointer(os)
        try Threading.forEachChunk(g.chunks, parallel: Threading.worthParallel(input.count)) {
          chunk in
          let lo = chunk * g.planesPerChunk, hi = min(g.planes, lo + g.planesPerChunk)
          for p in lo..<hi {
            let plane = x.value + p * g.h * g.w, dst = o.base + p * g.oh * g.ow
            if g.kh == 2 && g.kw == 2 {
              pool2x2(plane, dst, g)
              continue
            }
            for oy in 0..<g.oh {
              let row = dst + oy * g.ow
              for ox in 0..<g.ow { row[ox] = 0 }
              for ky in 0..<g.kh {
                let src = plane + (oy * g.kh + ky) * g.w
                for ox in 0..<g.ow {
                  var acc = row[ox]
                  for kx in 0..<g.kw { acc += src[ox * g.kw + kx] }
                  row[ox] = acc
                }
              }
              for ox in 0..<g.ow { row[ox] *= scale }
            }
          }
        }
      }
    }
  }

  /// Backward of `tiledAvgPool`: every input inside a window gets its output's gradient / window size.
  static func tiledAvgPoolBackward(_ gradOutput: Tensor, _ dx: inout Tensor, _ g: PoolGeometry) {
    let scale = 1 / Float(g.kh * g.kw)
    gradOutput.withUnsafeBufferPointer { gb in
      dx.withUnsafeMutableBufferPointer { db in
        guard let gys = gb.baseAddress, let ds = db.baseAddress else { return }
        let gyBox = UncheckedBox(gys), dBox = SendablePointer(ds)
        // Short next to the convolutions around it; interrupts are polled there.
        try? Threading.forEachChunk(
          g.chunks, parallel: Threading.worthParallel(g.planes * g.h * g.w)
        ) { chunk in
          let gy = gyBox.value, d = dBox.base
          for p in (chunk * g.planesPerChunk)..<min(g.planes, (chunk + 1) * g.planesPerChunk) {
            let src = gy + p * g.oh * g.ow, plane = d + p * g.h * g.w
            if g.kh == 2 && g.kw == 2 {
              unpool2x2(src, plane, g)
              continue
            }
            for oy in 0..<g.oh {
              for ky in 0..<g.kh {
                let row = plane + (oy * g.kh + ky) * g.w
                for ox in 0..<g.ow {
                  let v = src[oy * g.ow + ox] * scale
                  for kx in 0..<g.kw { row[ox * g.kw + kx] = v }
                }
              }
            }
          }
        }
      }
    }
  }
}

extension Kernels {
  /// 2×2 average of one plane: `out = ((a + b) + (c + d)) · ¼`.
  @inline(__always)
  static func pool2x2(
    _ plane: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ g: PoolGeometry
  ) {
    let w = g.w, ow = g.ow
    for oy in 0..<g.oh {
      let r0 = plane + (2 &* oy) &* w, r1 = r0 + w, out = dst + oy &* ow
      var ox = 0
      while ox < ow {
        let x = 2 &* ox
        out[ox] = ((r0[x] + r0[x &+ 1]) + (r1[x] + r1[x &+ 1])) * 0.25
        ox &+= 1
      }
    }
  }

  /// Backward of `pool2x2`: each window's four inputs get ¼ of its gradient.
  @inline(__always)
  static func unpool2x2(
    _ src: UnsafePointer<Float>, _ plane: UnsafeMutablePointer<Float>, _ g: PoolGeometry
  ) {
    let w = g.w, ow = g.ow
    for oy in 0..<g.oh {
      let r0 = plane + (2 &* oy) &* w, r1 = r0 + w, gy = src + oy &* ow
      var ox = 0
      while ox < ow {
        let v = gy[ox] * 0.25, x = 2 &* ox
        r0[x] = v
        r0[x &+ 1] = v
        r1[x] = v
        r1[x &+ 1] = v
        ox &+= 1
      }
    }
  }
}
