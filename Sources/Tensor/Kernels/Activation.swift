import Glibc

/// This module's `Activation` under a name that modules with an `Activation` of their own (NN's,
/// the option a user names) can still reach.
public typealias KernelActivation = Activation

/// An elementwise activation function, with its derivative.
public enum Activation: Sendable, Hashable {
  /// max(0, x).
  case relu
  /// x for x > 0, slope·x otherwise.
  case leakyRelu(slope: Float)
  /// x for x > 0, α·(eˣ − 1) otherwise.
  case elu(alpha: Float)
  /// x·Φ(x), Φ the standard normal CDF (the exact, erf form, as PyTorch's default).
  case gelu
  /// tanh(x).
  case tanh
  /// 1 / (1 + e⁻ˣ).
  case sigmoid
  /// x (no activation).
  case identity

  /// f(x).
  @inline(__always)
  public func apply(_ x: Float) -> Float {
    switch self {
    case .relu: return x > 0 ? x : 0
    case .leakyRelu(let s): return x > 0 ? x : s * x
    case .elu(let a): return x > 0 ? x : a * (expf(x) - 1)
    case .gelu: return 0.5 * x * (1 + erff(x * 0.70710678118654752))
    case .tanh: return VectorMath.tanh(F8(repeating: x))[0]
    case .sigmoid: return VectorMath.sigmoid(F8(repeating: x))[0]
    case .identity: return x
    }
  }

  /// f′(x), given x and y = f(x) (whichever is cheaper is used).
  @inline(__always)
  public func derivative(x: Float, y: Float) -> Float {
    switch self {
    case .relu: return x > 0 ? 1 : 0
    case .leakyRelu(let s): return x > 0 ? 1 : s
    case .elu(let a): return x > 0 ? 1 : y + a
    case .gelu:
      let cdf = 0.5 * (1 + erff(x * 0.70710678118654752))
      let pdf = expf(-0.5 * x * x) * 0.3989422804014327
      return cdf + x * pdf
    case .tanh: return 1 - y * y
    case .sigmoid: return y * (1 - y)
    case .identity: return 1
    }
  }

  @inline(__always)
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
  }
}

extension Kernels {
  /// `f(x)` elementwise.
  public static func activation(_ input: Tensor, _ f: Activation) -> Tensor {
    switch f {
    case .identity: return input
    case .relu: return Elementwise.apply(input, ReluKernel())
    case .tanh: return Elementwise.apply(input, TanhKernel())
    case .sigmoid: return Elementwise.apply(input, SigmoidKernel())
    default: return Elementwise.map(input) { f.apply($0) }
    }
  }

  /// `dy · f′(x)` elementwise, from the input x and output y of the forward pass.
  public static func activationBackward(
    _ gradOutput: Tensor, input: Tensor, output: Tensor, _ f: Activation
  ) throws -> Tensor {
    guard gradOutput.shape == input.shape, input.shape == output.shape else {
      throw TensorError.shapeMismatch(
        "activation backward: gradient \(gradOutput.shape), input \(input.shape), output \(output.shape)"
      )
    }
    switch f {
    case .tanh: return Elementwise.apply(gradOutput, output, TanhBackwardKernel())
    case .sigmoid: return Elementwise.apply(gradOutput, output, SigmoidBackwardKernel())
    case .relu: return Elementwise.apply(gradOutput, input, ReluBackwardKernel())
    default:
      return gradOutput.withUnsafeBufferPointer { g in
        input.withUnsafeBufferPointer { x in
          output.withUnsafeBufferPointer { y in
            Tensor.build(input.shape) { d in
              for i in 0..<input.count { d[i] = g[i] * f.derivative(x: x[i], y: y[i]) }
            }
          }
        }
      }
    }
  }
}

extension Kernels {
  /// `max(0, a + b)` in one pass over same-shaped tensors (a residual sum and its ReLU); its
  /// gradient for both operands is `activationBackward(dy, input: y, output: y, .relu)`.
  public static func addRelu(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    guard a.shape == b.shape else {
      throw TensorError.shapeMismatch("add_relu: shapes \(a.shape) and \(b.shape) differ")
    }
    return Elementwise.apply(a, b, AddReluKernel())
  }
}

extension Tensor {
  /// max(0, x) elementwise.
  public func relu() -> Tensor { Kernels.activation(self, .relu) }
  /// tanh elementwise.
  public func tanh() -> Tensor { Kernels.activation(self, .tanh) }
  /// The logistic sigmoid elementwise.
  public func sigmoid() -> Tensor { Kernels.activation(self, .sigmoid) }
}
