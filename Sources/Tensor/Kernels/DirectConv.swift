import TensorAVX512

/// A direct ("implicit GEMM") valid correlation of zero-padded planes: the stride-1 conv kernel.
///
/// Per group and image, with planes `P` [inC][hp][wp] and weights `W` [outC][inC][kh][kw]:
///
///     out[o][y][x] = bias[o] + Σ_c Σ_(i,j) W[o][c][i][j] · P[c][y + i·dh][x + j·dw]
///
/// for y < oh, x < ow. The forward pass pads the input by (padTop, padLeft); the input gradient
/// is the same correlation of the output gradient, shifted by ((kh−1)·dh − padTop,
/// (kw−1)·dw − padLeft), with the weights transposed and flipped (`pack(transposed: true)`).
///
/// Layouts: a chunk's planes are [channel][image][hp][wp] (row stride `wp`, a multiple of 8;
/// plane stride `planeStride`, a multiple of 16 with at least 8 floats of zero slack, so every
/// plane starts on a cache line; one channel of all the chunk's
/// images is contiguous, which the weight gradient streams); outputs are NCHW. Each output row is
/// cut into 8-wide vectors (the last one of a row may be partial); `DirectTile` computes three
/// such vectors for four output channels at once, in registers; on AVX-512 processors
/// `ForwardTile512` computes six vectors for eight channels (`DirectTiles`), with the same bits.
struct DirectConv {
  /// Whether the AVX-512 tiles run (`DirectTiles.wide`, read when the plan is made).
  let wide: Bool
  /// Output channels and 8-float vectors of one forward register tile: 4 × 3, or 8 × 6 (wide).
  let ocBlock, vecBlock: Int
  /// Output channels of one weight-gradient tile: 4, or wide 8 (16 from 16 output channels on).
  let weightOcBlock: Int
  let inC, outC, kh, kw, dh, dw, oh, ow: Int
  /// Rows of a plane, its row stride, and the floats between planes.
  let hp, wp, planeStride: Int
  /// 8-wide vectors per output row: ⌈ow / 8⌉.
  let vectorsPerRow: Int

  init(inC: Int, outC: Int, kh: Int, kw: Int, dh: Int, dw: Int, oh: Int, ow: Int) {
    (self.inC, self.outC, self.kh, self.kw, self.dh, self.dw, self.oh, self.ow) = (
      inC, outC, kh, kw, dh, dw, oh, ow
    )
    wide = DirectTiles.wide
    (ocBlock, vecBlock) =
      wide
      ? (ForwardTile512.outputChannels, ForwardTile512.vectors)
      : (DirectTile.outputChannels, DirectTile.vectors)
    let wideWeight = WideWeightTile512.outputChannels
    weightOcBlock =
      !wide
      ? DirectWeightTile.outputChannels
      : outC >= wideWeight ? wideWeight : WeightTile512.outputChannels
    hp = oh + (kh - 1) * dh
    wp = (ow + (kw - 1) * dw + 7) / 8 * 8
    planeStride = (hp * wp + 8 + 15) / 16 * 16
    vectorsPerRow = (ow + 7) / 8
  }

  /// The plan of a stride-1 forward pass, per group.
  init(forward g: ConvGeometry) {
    self.init(
      inC: g.cPerGroup, outC: g.outCPerGroup, kh: g.kh, kw: g.kw, dh: g.dilationH, dw: g.dilationW,
      oh: g.oh, ow: g.ow)
  }

  /// The plan of a stride-1 input gradient, per group: output-gradient planes in, input out.
  init(backwardInput g: ConvGeometry) {
    self.init(
      inC: g.outCPerGroup, outC: g.cPerGroup, kh: g.kh, kw: g.kw, dh: g.dilationH, dw: g.dilationW,
      oh: g.h, ow: g.w)
  }

  /// Whether the direct kernel handles this geometry: stride 1 and nothing empty.
  static func applies(_ g: ConvGeometry) -> Bool {
    g.strideH == 1 && g.strideW == 1 && g.n > 0 && g.c > 0 && g.outC > 0 && g.oh > 0 && g.ow > 0
      && g.h > 0 && g.w > 0
  }

  var taps: Int { kh * kw }
  /// Register tiles along the output channels: ⌈outC / ocBlock⌉.
  var outBlocks: Int { (outC + ocBlock - 1) / ocBlock }
  /// Weight-gradient tiles along the output channels: ⌈outC / weightOcBlock⌉.
  var weightOutBlocks: Int { (outC + weightOcBlock - 1) / weightOcBlock }
  /// Floats of one image's planes.
  var imageFloats: Int { inC * planeStride }
  /// Floats of one group's packed weights.
  var packedFloats: Int { outBlocks * ocBlock * inC * taps }

  /// Offset of tap t = (i, j) in a plane: i·dh·wp + j·dw.
  func tapOffset(_ t: Int) -> Int { (t / kw) * dh * wp + (t % kw) * dw }

  /// Zero-fills `channels` planes at `dst` (`channelStride` apart) and copies NCHW channels
  /// [srcH, srcW] from `src` into them at (row, column) offset (top, left), clipped to the
  /// plane (offsets may be < 0).
  func pad(
    _ src: UnsafePointer<Float>, channels: Int, srcH: Int, srcW: Int, top: Int, left: Int,
    _ dst: UnsafeMutablePointer<Float>, channelStride: Int
  ) {
    let y0 = max(0, -top), y1 = min(srcH, hp - top)
    let x0 = max(0, -left), x1 = min(srcW, wp - left)
    for c in 0..<channels {
      let plane = dst + c * channelStride, s = src + c * srcH * srcW
      if y1 <= y0 || x1 <= x0 {
        Im2col.fill(plane, 0, planeStride)
        continue
      }
      Im2col.fill(plane, 0, (y0 + top) * wp)
      for y in y0..<y1 {
        let row = plane + (y + top) * wp
        Im2col.fill(row, 0, x0 + left)
        Im2col.copy(row + x0 + left, s + y * srcW + x0, x1 - x0)
        Im2col.fill(row + x1 + left, 0, wp - x1 - left)
      }
      Im2col.fill(plane + (y1 + top) * wp, 0, planeStride - (y1 + top) * wp)
    }
  }

  /// Packs group `group`'s weights as [outBlock][inC][tap][ocBlock] (zeros past `outC`), so a tile
  /// reads its broadcasts in order. The source is the conv weight [G·outC][inC][kh][kw], or,
  /// `transposed`, [G·inC][outC][kh][kw] read flipped (the input gradient's weights).
  func pack(
    _ w: UnsafePointer<Float>, group: Int, transposed: Bool, _ dst: UnsafeMutablePointer<Float>
  ) {
    let t = taps
    var d = dst
    for ob in 0..<outBlocks {
      for c in 0..<inC {
        for tap in 0..<t {
          for k in 0..<ocBlock {
            let o = ob * ocBlock + k
            if o >= outC {
              d[k] = 0
            } else if transposed {
              d[k] = w[((group * inC + c) * outC + o) * t + (t - 1 - tap)]
            } else {
              d[k] = w[((group * outC + o) * inC + c) * t + tap]
            }
          }
          d += ocBlock
        }
      }
    }
  }
}

/// How a direct convolution's batch is cut into chunks of images that share their planes.
///
/// Depends only on the shapes (so results do not depend on the thread count): min(n, 8)
/// chunks (two threads stay busy), more when a chunk's scratch would pass about 4 MiB. The
/// kernels block their loops for the caches themselves, so bigger chunks only mean fewer
/// weight-gradient partials and longer tile passes.
struct DirectChunking {
  let imagesPerChunk: Int
  let chunks: Int

  init(n: Int, floatsPerImage: Int) {
    let budget = 1 << 20
    let byMemory = (n * max(floatsPerImage, 1) + budget - 1) / budget
    let wanted = max(1, min(n, max(byMemory, 8)))
    imagesPerChunk = (n + wanted - 1) / wanted
    chunks = (n + imagesPerChunk - 1) / imagesPerChunk
  }

  func images(_ chunk: Int, _ n: Int) -> Range<Int> {
    (chunk * imagesPerChunk)..<min(n, (chunk + 1) * imagesPerChunk)
  }
}
