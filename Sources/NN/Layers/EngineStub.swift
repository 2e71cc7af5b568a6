// TEMPORARY: stands in for Autograd's `Variable` and Tensor's `Tensor` until the engine branch
// lands; removed when `engine` is merged. Types of this module shadow imported ones.

/// Placeholder for Autograd.Variable (removed when the engine lands).
public final class Variable {
  public var value: Tensor
  public init(_ value: Tensor) { self.value = value }
}

/// Placeholder for Tensor.Tensor (removed when the engine lands).
public struct Tensor {
  public var shape: [Int]
  public var scalars: [Float]
  public init(shape: [Int], scalars: [Float]) {
    self.shape = shape
    self.scalars = scalars
  }
}

/// Placeholder for Tensor.SeededGenerator (SplitMix64), removed when the engine lands.
public struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

func makeVariable(shape: [Int], scalars: [Float], trainable: Bool) -> Variable {
  Variable(Tensor(shape: shape, scalars: scalars))
}
