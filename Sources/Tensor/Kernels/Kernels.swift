/// The CNN kernels: forward and backward functions on plain tensors, layout NCHW throughout.
///
/// Each forward has backward companions that take the upstream gradient and return the gradient
/// of each input; Autograd wires them into its graph. Kernels check shapes and throw
/// `TensorError`, poll the process cancellation token between chunks and throw `Interrupted`.
public enum Kernels {}

/// How a convolution's batch is cut into chunks: `imagesPerChunk` images share one GEMM.
///
/// The cut depends only on the shapes (never on the thread count), so results are identical
/// whatever the number of threads.
struct ConvChunking {
  let imagesPerChunk: Int
  let chunks: Int

  /// Enough images for about 2,048 GEMM columns, while the column matrix of a chunk stays
  /// within about 256 KiB (so it is still in cache when the GEMM reads it), and at least four
  /// chunks when the batch allows (two threads stay busy).
  init(_ g: ConvGeometry, columnsPerImage: Int? = nil) {
    let perImage = max(columnsPerImage ?? g.colCols, 1)
    let wanted = max(1, (2048 + perImage - 1) / perImage)
    let cacheCap = max(1, (64 * 1024) / max(perImage * g.colRows, 1))
    let cap = max(1, g.n / 4)
    imagesPerChunk = min(wanted, cap, cacheCap)
    chunks = (g.n + imagesPerChunk - 1) / imagesPerChunk
  }

  func images(_ chunk: Int, _ n: Int) -> Range<Int> {
    (chunk * imagesPerChunk)..<min(n, (chunk + 1) * imagesPerChunk)
  }
}
