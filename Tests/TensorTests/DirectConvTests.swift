import TestSupport
import Testing

@testable import Tensor

/// The direct (implicit-GEMM) stride-1 convolution against the im2col + GEMM path, forward and
/// both gradients, on shapes that exercise the tile edges.
@Suite(.serialized) struct DirectConvTests {
  /// A case: input [n, c, h, w], weight [oc, c/groups, kh, kw], options.
  struct Case: CustomStringConvertible {
    var n, c, h, w, oc, kh, kw: Int
    var options = Conv2dOptions()
    var description: String { "x[\(n),\(c),\(h),\(w)] w[\(oc),\(kh)x\(kw)] \(options)" }
  }

  static let cases: [Case] = [
    Case(
      n: 1, c: 1, h: 9, w: 11, oc: 3, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(n: 5, c: 7, h: 13, w: 10, oc: 6, kh: 3, kw: 3),
    Case(
      n: 2, c: 4, h: 12, w: 17, oc: 5, kh: 5, kw: 5, options: Conv2dOptions(padding: .uniform(2))),
    Case(n: 3, c: 3, h: 8, w: 9, oc: 4, kh: 4, kw: 4, options: Conv2dOptions(padding: .same)),
    Case(
      n: 2, c: 6, h: 11, w: 12, oc: 6, kh: 3, kw: 3,
      options: Conv2dOptions(padding: .uniform(2), dilation: 2)),
    Case(
      n: 3, c: 4, h: 10, w: 10, oc: 6, kh: 3, kw: 3,
      options: Conv2dOptions(padding: .uniform(1), groups: 2)),
    Case(
      n: 2, c: 2, h: 7, w: 6, oc: 9, kh: 3, kw: 3,
      options: Conv2dOptions(padding: .explicit(top: 0, bottom: 2, left: 3, right: 1))),
    Case(
      n: 2, c: 3, h: 6, w: 19, oc: 2, kh: 1, kw: 3,
      options: Conv2dOptions(padding: .symmetric(Size2(0, 1)))),
    Case(n: 1, c: 2, h: 5, w: 5, oc: 2, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(3))),
    Case(n: 5, c: 1, h: 14, w: 14, oc: 6, kh: 5, kw: 5),
    Case(
      n: 4, c: 5, h: 9, w: 26, oc: 7, kh: 2, kw: 3,
      options: Conv2dOptions(padding: .same, dilation: Size2(2, 1))),
    Case(n: 3, c: 6, h: 7, w: 7, oc: 10, kh: 1, kw: 1),
    Case(
      n: 17, c: 2, h: 7, w: 7, oc: 4, kh: 3, kw: 3,
      options: Conv2dOptions(padding: .uniform(1), groups: 2)),
    // Several input-channel blocks (forward and input gradient), several weight row blocks.
    Case(
      n: 2, c: 20, h: 30, w: 37, oc: 18, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(
      n: 3, c: 34, h: 6, w: 5, oc: 35, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
  ]

  /// Forward output and both gradients of one path.
  static func run(_ t: Case, _ path: ConvPath, seed: UInt64 = 5) throws -> [Tensor] {
    var rng = SeededGenerator(seed: seed)
    let x = try Tensor.randomUniform(shape: [t.n, t.c, t.h, t.w], low: -1, high: 1, using: &rng)
    let wt = try Tensor.randomUniform(
      shape: [t.oc, t.c / t.options.groups, t.kh, t.kw], low: -1, high: 1, using: &rng)
    let b = try Tensor.randomUniform(shape: [t.oc], low: -1, high: 1, using: &rng)
    let g = try ConvGeometry.conv(input: x.shape, weight: wt.shape, options: t.options)
    var y = try Tensor(zeros: g.outputShape)
    try ConvCore.forward(g, input: x, weight: wt, bias: b, into: &y, path: path)
    let gy = try Tensor.randomUniform(shape: g.outputShape, low: -1, high: 1, using: &rng)
    let both = try ConvCore.backward(g, gradOutput: gy, input: x, weight: wt, path: path)
    let dxOnly = try ConvCore.backward(g, gradOutput: gy, input: nil, weight: wt, path: path)
    let dwOnly = try ConvCore.backward(g, gradOutput: gy, input: x, weight: nil, path: path)
    #expect(dxOnly.input == both.input && dwOnly.weight == both.weight)
    return [y, both.input!, both.weight!]
  }

  /// Largest |a − b| / (1 + max |b|) over the elements.
  static func error(_ a: Tensor, _ b: Tensor) -> Float {
    let scale = 1 + b.scalars.map { abs($0) }.max()!
    return zip(a.scalars, b.scalars).map { abs($0 - $1) }.max()! / scale
  }

  @Test(arguments: cases) func matchesIm2col(_ t: Case) throws {
    let direct = try Self.run(t, .direct), reference = try Self.run(t, .im2col)
    for (name, (d, r)) in zip(
      ["output", "input gradient", "weight gradient"], zip(direct, reference))
    {
      #expect(d.shape == r.shape)
      let e = Self.error(d, r)
      #expect(e < 1e-4, "\(t) \(name): relative error \(e)")
    }
  }

  /// The default dispatch sends stride-1 k>1 to the direct kernel (deep, small maps too) and
  /// the rest to im2col.
  @Test func dispatchRule() throws {
    let g3 = try ConvGeometry.conv(
      input: [2, 3, 8, 8], weight: [4, 3, 3, 3], options: Conv2dOptions(padding: .uniform(1)))
    let g1 = try ConvGeometry.conv(
      input: [2, 3, 8, 8], weight: [4, 3, 1, 1], options: Conv2dOptions())
    let s2 = try ConvGeometry.conv(
      input: [2, 3, 8, 8], weight: [4, 3, 3, 3], options: Conv2dOptions(stride: 2))
    #expect(
      ConvCore.usesDirect(g3, .auto) && !ConvCore.usesDirect(g1, .auto)
        && !ConvCore.usesDirect(s2, .auto))
    #expect(
      ConvCore.usesDirect(g1, .direct) && !ConvCore.usesDirect(s2, .direct)
        && !ConvCore.usesDirect(g3, .im2col))
    let deep = try ConvGeometry.conv(
      input: [2, 256, 14, 14], weight: [8, 256, 3, 3], options: Conv2dOptions(padding: .uniform(1)))
    #expect(ConvCore.usesDirect(deep, .auto))
  }

  /// The direct path gives the same bits with 1 and 2 threads (several chunks, ragged last one).
  @Test func bitIdenticalAcrossThreadCounts() throws {
    let t = Case(
      n: 19, c: 5, h: 12, w: 13, oc: 6, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1)))
    let before = Threading.threadCount
    defer { try? Threading.setThreadCount(before) }
    try Threading.setThreadCount(1)
    let one = try Self.run(t, .direct, seed: 9)
    try Threading.setThreadCount(2)
    let two = try Self.run(t, .direct, seed: 9)
    #expect(one == two)
  }

  /// The AVX-512 tiles give the same bits as the `SIMD8<Float>` ones (forward, both gradients),
  /// so notebooks reproduce on processors with and without AVX-512. Runs where the CPU has it.
  @Test(.enabled(if: DirectTiles.avx512Available), arguments: cases + wideCases)
  func avx512TilesMatchAVX2Bits(_ t: Case) throws {
    defer { DirectTiles.avx512Allowed.store(true, ordering: .relaxed) }
    DirectTiles.avx512Allowed.store(false, ordering: .relaxed)
    let narrow = try Self.run(t, .direct, seed: 11)
    DirectTiles.avx512Allowed.store(true, ordering: .relaxed)
    let wide = try Self.run(t, .direct, seed: 11)
    for (name, (w, n)) in zip(["output", "input gradient", "weight gradient"], zip(wide, narrow)) {
      #expect(w == n, "\(t) \(name)")
    }
  }

  /// Shapes of the AVX-512 tiles' edges: pairs of vectors within a row and across rows, odd
  /// vector counts, channels past a block of 8, several weight row blocks.
  static let wideCases: [Case] = [
    Case(
      n: 3, c: 16, h: 28, w: 28, oc: 16, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(
      n: 5, c: 32, h: 7, w: 7, oc: 20, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(
      n: 2, c: 9, h: 11, w: 23, oc: 13, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(n: 7, c: 1, h: 32, w: 32, oc: 6, kh: 5, kw: 5),
    Case(
      n: 2, c: 24, h: 16, w: 16, oc: 9, kh: 3, kw: 3,
      options: Conv2dOptions(padding: .uniform(1), groups: 3)),
    // Odd vectors per row in `pairedVector`'s row groups: 7 (whole groups), 5 (a last group of
    // one row), 7 with a partial last vector.
    Case(
      n: 2, c: 8, h: 9, w: 56, oc: 16, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(
      n: 1, c: 5, h: 13, w: 40, oc: 8, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
    Case(
      n: 3, c: 4, h: 5, w: 50, oc: 9, kh: 3, kw: 3, options: Conv2dOptions(padding: .uniform(1))),
  ]

  /// The wide tiles' order visits every vector once, and each of its pairs is either two
  /// adjacent vectors of one row (one run of 16 floats) or two rows' last vectors.
  @Test(arguments: [(7, 18), (7, 23), (5, 13), (3, 1), (1, 9), (4, 10)])
  func pairedOrderIsAPermutation(vectorsPerRow vpr: Int, rows: Int) {
    let plan = DirectConv(inC: 1, outC: 1, kh: 1, kw: 1, dh: 1, dw: 1, oh: rows, ow: 8 * vpr)
    let total = rows * vpr, order = (0..<total).map { plan.pairedVector($0, total: total) }
    #expect(order.sorted() == Array(0..<total), "\(vpr) × \(rows)")
    guard plan.wide, vpr > 1 else { return }
    let isLast = { (v: Int) in v % vpr == vpr - 1 }
    for k in stride(from: 0, to: total - 1, by: 2) {
      let (a, b) = (order[k], order[k + 1])
      #expect(
        (b == a + 1 && !isLast(a)) || (isLast(a) && isLast(b)), "\(vpr) × \(rows): pair \(a), \(b)")
    }
  }
}
