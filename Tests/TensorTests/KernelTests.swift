import Cancellation
import Tensor
import Testing

@Suite(.serialized) struct KernelTests {
  @Test func lectureExamplePooling() throws {
    let x = try Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]]).reshaped([
      1, 1, 4, 4,
    ])
    let opts = Pool2dOptions(kernel: 2, stride: 2)
    #expect(try Kernels.maxPool2d(x, options: opts).output.scalars == [7, 7, 6, 8])
    #expect(try Kernels.avgPool2d(x, options: opts).scalars == [4.5, 4.75, 4, 5])
  }

  @Test func sameOutputSize() throws {
    let x = try Tensor(zeros: [1, 1, 7, 9])
    let y = try Kernels.conv2d(
      x, weight: Tensor(ones: [2, 1, 4, 4]), options: Conv2dOptions(stride: 2, padding: .same))
    #expect(y.shape == [1, 2, 4, 5])
    #expect(throws: TensorError.self) { try Kernels.conv2d(x, weight: Tensor(ones: [2, 2, 3, 3])) }
    #expect(throws: TensorError.self) { try Kernels.conv2d(x, weight: Tensor(ones: [2, 1, 9, 9])) }
    #expect(throws: TensorError.self) {
      try Kernels.conv2d(x, weight: Tensor(ones: [2, 1, 3, 3]), options: Conv2dOptions(stride: 0))
    }
  }

  @Test func softmaxRowsSumToOne() throws {
    let x = try Tensor([[1, 2, 3], [1000, 1000, 1000]])
    let y = try Kernels.softmax(x, axis: 1)
    #expect(try y.sum(axes: [1]).scalars.allSatisfy { abs($0 - 1) < 1e-6 })
    #expect(abs(y.scalars[3] - 1.0 / 3) < 1e-6)
    let l = try Kernels.logSoftmax(x, axis: 1)
    #expect(l.scalars.allSatisfy { $0.isFinite })
  }

  /// The same seed gives the same bits with 1 and 2 threads, forward and backward.
  @Test func resultsAreBitIdenticalAcrossThreadCounts() throws {
    func run() throws -> [Tensor] {
      var rng = SeededGenerator(seed: 11)
      let x = try Tensor.randomNormal(shape: [16, 8, 20, 20], using: &rng)
      let w = try Tensor.randomNormal(shape: [12, 8, 3, 3], using: &rng)
      let y = try Kernels.conv2d(
        x, weight: w, bias: Tensor(repeating: 0.1, shape: [12]),
        options: Conv2dOptions(padding: .same))
      let g = try Kernels.conv2dBackward(
        y, input: x, weight: w, hasBias: true, options: Conv2dOptions(padding: .same))
      let p = try Kernels.maxPool2d(y, options: Pool2dOptions(kernel: 2)).output
      let big = try Tensor.randomNormal(shape: [300, 200], using: &rng)
      let m = try Tensor.matmul(big, big, transposeB: true)
      return [y, g.input, g.weight, g.bias!, p, m, big.tanh(), try big.sum(axes: [1])]
    }
    let before = Threading.threadCount
    defer { try? Threading.setThreadCount(before) }
    try Threading.setThreadCount(1)
    let one = try run()
    try Threading.setThreadCount(2)
    let two = try run()
    #expect(one == two)
    #expect(throws: TensorError.self) { try Threading.setThreadCount(0) }
  }

  @Test func cancellationStopsAConvolution() throws {
    let x = try Tensor(zeros: [8, 4, 16, 16]), w = try Tensor(zeros: [4, 4, 3, 3])
    let token = CancellationToken()
    token.cancel()
    Threading.$cancellationToken.withValue(token) {
      #expect(throws: Interrupted.self) { try Kernels.conv2d(x, weight: w) }
    }
    #expect(throws: Never.self) { try Kernels.conv2d(x, weight: w) }
  }
}

/// Large stride-1 convolutions take the banded (tiled) path; it must equal the direct sum.
@Suite struct LargeConvTests {
  @Test func bandedForwardMatchesDirectSum() throws {
    var rng = SeededGenerator(seed: 21)
    let (n, c, h, w, oc) = (2, 80, 13, 15, 6)  // 720 × 221 column floats: two bands
    let x = try Tensor.randomUniform(shape: [n, c, h, w], low: -1, high: 1, using: &rng)
    let k = try Tensor.randomUniform(shape: [oc, c, 3, 3], low: -1, high: 1, using: &rng)
    let b = try Tensor.randomUniform(shape: [oc], low: -1, high: 1, using: &rng)
    let y = try Kernels.conv2d(
      x, weight: k, bias: b, options: Conv2dOptions(padding: .uniform(1), dilation: Size2(1, 2)))
    let (oh, ow) = (h, w - 2)
    #expect(y.shape == [n, oc, oh, ow])
    var worst: Float = 0
    for i in 0..<n {
      for o in 0..<oc {
        for yy in 0..<oh {
          for xx in 0..<ow {
            var s = Double(b.scalars[o])
            for ch in 0..<c {
              for ki in 0..<3 {
                for kj in 0..<3 {
                  let iy = yy + ki - 1, ix = xx + kj * 2 - 1
                  if iy >= 0 && iy < h && ix >= 0 && ix < w {
                    s +=
                      Double(x.scalars[((i * c + ch) * h + iy) * w + ix])
                      * Double(k.scalars[((o * c + ch) * 3 + ki) * 3 + kj])
                  }
                }
              }
            }
            worst = max(worst, abs(Float(s) - y.scalars[((i * oc + o) * oh + yy) * ow + xx]))
          }
        }
      }
    }
    #expect(worst < 1e-4, "max error \(worst)")
  }
}
