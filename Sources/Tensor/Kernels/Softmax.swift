import Glibc

extension Kernels {
  /// Softmax along `axis`: `y_i = exp(x_i − max x) / Σ_j exp(x_j − max x)`.
  public static func softmax(_ input: Tensor, axis: Int = -1) throws -> Tensor {
    try softmaxCore(input, axis: axis, log: false)
  }

  /// Log-softmax along `axis`: `y_i = x_i − max x − log Σ_j exp(x_j − max x)` (stable).
  public static func logSoftmax(_ input: Tensor, axis: Int = -1) throws -> Tensor {
    try softmaxCore(input, axis: axis, log: true)
  }

  /// Softmax backward from its output y: `dx = y · (dy − Σ dy·y)` along `axis`.
  public static func softmaxBackward(_ gradOutput: Tensor, output: Tensor, axis: Int = -1) throws
    -> Tensor
  {
    try rowwise(gradOutput, output, axis) { dy, y, dx, n, s in
      var dot: Float = 0
      for i in 0..<n { dot += dy[i * s] * y[i * s] }
      for i in 0..<n { dx[i * s] = y[i * s] * (dy[i * s] - dot) }
    }
  }

  /// Log-softmax backward from its output y: `dx = dy − exp(y) · Σ dy` along `axis`.
  public static func logSoftmaxBackward(_ gradOutput: Tensor, output: Tensor, axis: Int = -1) throws
    -> Tensor
  {
    try rowwise(gradOutput, output, axis) { dy, y, dx, n, s in
      var total: Float = 0
      for i in 0..<n { total += dy[i * s] }
      for i in 0..<n { dx[i * s] = dy[i * s] - expf(y[i * s]) * total }
    }
  }

  static func softmaxCore(_ input: Tensor, axis: Int, log: Bool) throws -> Tensor {
    try rowwise(input, input, axis) { x, _, y, n, s in
      guard n > 0 else { return }
      var m = -Float.infinity
      for i in 0..<n { m = max(m, x[i * s]) }
      if !m.isFinite { m = 0 }
      var total: Float = 0
      for i in 0..<n {
        let e = expf(x[i * s] - m)
        y[i * s] = e
        total += e
      }
      if log {
        let lse = m + logf(total)
        for i in 0..<n { y[i * s] = x[i * s] - lse }
      } else {
        let inv = 1 / total
        for i in 0..<n { y[i * s] *= inv }
      }
    }
  }

  /// Runs `body(a, b, out, length, stride)` on every line along `axis` of two equal-shape tensors.
  static func rowwise(
    _ a: Tensor, _ b: Tensor, _ axis: Int,
    _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int) ->
      Void
  ) throws -> Tensor {
    guard a.shape == b.shape else {
      throw TensorError.shapeMismatch("shapes \(a.shape) and \(b.shape) differ")
    }
    let ax = try Shape.axis(axis, rank: a.rank)
    if a.count == 0 { return a }
    try Memory.check(elements: a.count)
    let n = a.rank == 0 ? 1 : a.shape[ax]
    let inner = a.rank == 0 ? 1 : Shape.count(Array(a.shape[(ax + 1)...]))
    let outer = a.count / max(n * inner, 1)
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        Tensor.build(a.shape) { out in
          let x = pa.baseAddress!, y = pb.baseAddress!, o = out.baseAddress!
          for i in 0..<outer {
            for j in 0..<inner {
              let off = i * n * inner + j
              body(x + off, y + off, o + off, n, inner)
            }
          }
        }
      }
    }
  }
}
