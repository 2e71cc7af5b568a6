import CBLAS

/// Single-precision GEMM on row-major matrices through OpenBLAS, split into fixed row blocks.
enum Gemm {
  /// `C[m×n] = alpha · op(A)·op(B) + beta · C`, row-major, leading dimensions in elements.
  ///
  /// Large products are cut into about four blocks of rows of C (a shape-only choice), run on
  /// the engine's threads; each element of C is computed by the same BLAS call either way.
  @inline(__always)
  static func sgemm(
    transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, parallel: Bool = false
  ) {
    guard m > 0, n > 0 else { return }
    Threading.configureBLAS()
    let flops = m * n * max(k, 1)
    // About four blocks (at least 64 rows): each block repacks B, so fewer, larger blocks.
    let rowBlock = max(64, ((m + 3) / 4 + 15) / 16 * 16)
    let blocks = (m + rowBlock - 1) / rowBlock
    if !parallel || blocks < 2 || flops < 1 << 21 {
      call(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
      return
    }
    let pa = UncheckedBox(a), pb = UncheckedBox(b), pc = SendablePointer(c)
    try? Threading.forEachChunk(blocks) { blk in
      let r0 = blk * rowBlock, rows = min(rowBlock, m - r0)
      let aBlock = transA ? pa.value + r0 : pa.value + r0 * lda
      call(
        transA, transB, rows, n, k, alpha, aBlock, lda, pb.value, ldb, beta, pc.base + r0 * ldc, ldc
      )
    }
  }

  @inline(__always)
  private static func call(
    _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
    _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
    _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
  ) {
    if k == 0 {
      for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }
}

extension Tensor {
  /// Matrix product through `cblas_sgemm`.
  ///
  /// Shapes: [m, k]·[k, n] → [m, n]; a rank-1 operand is a row (left) or column (right) vector
  /// whose axis is dropped from the result; rank > 2 multiplies the last two axes and broadcasts
  /// the leading (batch) axes, e.g. [b, m, k]·[k, n] → [b, m, n].
  public static func matmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
  ) throws(TensorError) -> Tensor {
    guard a.rank >= 1, b.rank >= 1 else {
      throw .invalidArgument("matmul needs tensors of rank >= 1, got \(a.shape) and \(b.shape)")
    }
    let a2 = a.rank == 1 ? try a.reshaped(transposeA ? [a.count, 1] : [1, a.count]) : a
    let b2 = b.rank == 1 ? try b.reshaped(transposeB ? [1, b.count] : [b.count, 1]) : b
    let (m, ka) =
      transposeA
      ? (a2.shape[a2.rank - 1], a2.shape[a2.rank - 2])
      : (a2.shape[a2.rank - 2], a2.shape[a2.rank - 1])
    let (kb, n) =
      transposeB
      ? (b2.shape[b2.rank - 1], b2.shape[b2.rank - 2])
      : (b2.shape[b2.rank - 2], b2.shape[b2.rank - 1])
    guard ka == kb else {
      throw .shapeMismatch(
        "matmul of \(a.shape) and \(b.shape): inner sizes \(ka) and \(kb) differ")
    }
    let batchA = Array(a2.shape.dropLast(2)), batchB = Array(b2.shape.dropLast(2))
    let batch = try Shape.broadcast(batchA, batchB)
    var outShape = batch + [m, n]
    _ = try Shape.checkedCount(outShape)
    let ea = try a2.broadcasted(to: batch + Array(a2.shape.suffix(2)))
    let eb = try b2.broadcasted(to: batch + Array(b2.shape.suffix(2)))
    let batches = Shape.count(batch)
    var out = Tensor.zerosUnchecked(outShape)
    if out.count > 0 && ka > 0 {
      ea.withUnsafeBufferPointer { pa in
        eb.withUnsafeBufferPointer { pb in
          out.withUnsafeMutableBufferPointer { pc in
            for i in 0..<batches {
              Gemm.sgemm(
                transA: transposeA, transB: transposeB, m: m, n: n, k: ka,
                a: pa.baseAddress! + i * m * ka, lda: transposeA ? m : ka,
                b: pb.baseAddress! + i * ka * n, ldb: transposeB ? ka : n,
                c: pc.baseAddress! + i * m * n, ldc: n, parallel: true)
            }
          }
        }
      }
    }
    if a.rank == 1 { outShape.remove(at: outShape.count - 2) }
    if b.rank == 1 { outShape.removeLast() }
    out.shape = outShape
    return out
  }
}

/// Matrix product (see `Tensor.matmul`).
public func matmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
  try Tensor.matmul(a, b)
}
