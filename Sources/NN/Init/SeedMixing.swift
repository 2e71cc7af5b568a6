import Tensor

/// Derives a child seed from a parent seed and a path key (FNV-1a, then a SplitMix64 finaliser).
///
/// Each parameter's seed depends only on the model's seed and the parameter's path, so weights are
/// the same whatever order layers are built or touched in.
public func mixSeed(_ seed: UInt64, _ key: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
  for byte in key.utf8 {
    hash ^= UInt64(byte)
    hash &*= 0x100_0000_01b3
  }
  return SplitMix64.mix(hash)
}
