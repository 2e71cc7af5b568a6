import Autograd
import Lang
import MemoryBudget
import Tensor

/// Convolution and pooling on plain image tensors, as the lecture draws them: a 2-D `[H, W]`
/// tensor is treated as one image of one channel `[1, 1, H, W]` and returned in its own rank.
enum ImageOps {
  /// Applies an NCHW operation to `[H, W]`, `[C, H, W]` or `[N, C, H, W]`, keeping the input's rank.
  static func applyPlanar(_ x: Variable, _ op: (Variable) throws -> Variable) throws -> Variable {
    let shape = x.shape
    switch shape.count {
    case 2:
      let y = try op(try x.reshaped([1, 1] + shape))
      return try y.reshaped(Array(y.shape.suffix(2)))
    case 3:
      let y = try op(try x.reshaped([1] + shape))
      return try y.reshaped(Array(y.shape.dropFirst()))
    case 4:
      return try op(x)
    default:
      throw HostError(
        "ShapeError", "pooling needs an image [H, W], [C, H, W] or [N, C, H, W], got shape \(shape)"
      )
    }
  }

  /// `conv2d(image, kernel, padding:)`: a single-channel cross-correlation, `[1, H', W']`.
  static func conv(_ image: Variable, _ kernel: Variable, padding: Int, stride: Int) throws
    -> Variable
  {
    guard padding >= 0, stride >= 1 else {
      throw HostError("ValueError", "conv2d needs padding ≥ 0 and stride ≥ 1")
    }
    let shape = image.shape
    guard shape.count == 2 || (shape.count == 3 && shape[0] == 1) else {
      throw HostError(
        "ShapeError", "conv2d takes a single-channel image [H, W] or [1, H, W], got \(shape)",
        hint: "for several channels use a Conv2D layer")
    }
    let k = kernel.shape
    guard k.count == 2 else {
      throw HostError("ShapeError", "conv2d takes a 2-D kernel [kh, kw], got \(k)")
    }
    let (h, w) = (shape[shape.count - 2], shape[shape.count - 1])
    guard h + 2 * padding >= k[0], w + 2 * padding >= k[1] else {
      throw HostError(
        "ShapeError",
        "the kernel \(k[0])x\(k[1]) is larger than the padded image \(h + 2 * padding)x\(w + 2 * padding)"
      )
    }
    let x = try image.reshaped([1, 1, h, w])
    let weight = try kernel.reshaped([1, 1, k[0], k[1]])
    let options = Conv2dOptions(stride: Size2(stride), padding: .uniform(padding))
    let y = try conv2d(x, weight: weight, options: options)
    return try y.reshaped(Array(y.shape.dropFirst()))
  }

  /// Class labels from a tensor of whole numbers or an array of Ints.
  static func labels(_ value: Value) throws -> [Int] {
    let scalars: [Double]
    if let tensor = value.host(as: TensorValue.self) {
      // the Doubles, then the Ints
      try MemoryBudget.reserve(count: tensor.tensor.count, stride: 16)
      scalars = tensor.tensor.scalars.map { Double($0) }
    } else if let array = value.arrayValue {
      scalars = array.compactMap(\.doubleValue)
      guard scalars.count == array.count else {
        throw HostError("TypeError", "labels must be Ints")
      }
    } else {
      throw HostError("TypeError", "labels must be a Tensor or [Int], got \(value.typeName)")
    }
    return try scalars.map { value in
      guard value >= 0, value == value.rounded(), value < 1e9 else {
        throw HostError(
          "ValueError", "labels must be class indices (whole numbers ≥ 0), got \(value)")
      }
      return Int(value)
    }
  }
}
