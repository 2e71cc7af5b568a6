import CSupport
import Glibc
import Synchronization

/// Which register tiles the direct convolution runs: `SIMD8<Float>` ones (AVX2, 16 ymm
/// registers) or the AVX-512 ones of TensorAVX512 (32 zmm registers, twice the lanes).
///
/// Both give the same bits (each output is the same chain of fused multiply-adds), so a
/// notebook reproduces on either kind of processor; the AVX-512 tiles only run faster.
enum DirectTiles {
  /// Whether the processor runs AVX-512 and `STRIDE_SIMD` is not `avx2`. Read once.
  static let avx512Available: Bool = {
    if let v = getenv("STRIDE_SIMD"), String(cString: v).lowercased() == "avx2" { return false }
    return csupport_cpu_has_avx512() != 0
  }()

  /// Tests turn the AVX-512 tiles off to compare both kinds (on by default).
  static let avx512Allowed = Atomic<Bool>(true)

  /// Whether plans made now use the AVX-512 tiles.
  static var wide: Bool { avx512Available && avx512Allowed.load(ordering: .relaxed) }

  /// The name of the tiles plans use now: "avx512" or "avx2" (benchmarks print it).
  static var name: String { wide ? "avx512" : "avx2" }
}

extension Kernels {
  /// The register tiles stride-1 convolutions run on this processor: "avx512" or "avx2".
  public static var directConvTiles: String { DirectTiles.name }
}
