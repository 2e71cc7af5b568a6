import Autograd
import Tensor

/// U-Net's skip connection: `y = concat([crop(x), body(x)], axis: channels)`.
///
/// The body (down, deeper levels, up-convolution) returns a map no larger than its input; the
/// input is center-cropped to the body's height and width (valid convolutions shrink the decoder's
/// maps, Ronneberger et al. 2015) and placed before it: `[C + C_body, H_body, W_body]`.
public final class SkipConcat: Layer {
  public var name: String?
  public private(set) var body: [Layer]
  public var isTraining = true {
    didSet { chain.setTraining(isTraining) }
  }

  public init(name: String? = nil, @LayerBuilder _ body: () -> [Layer]) {
    self.name = name
    self.body = body()
  }

  var chain: LayerChain { LayerChain(layers: body) }

  public var typeName: String { "SkipConcat" }
  public var children: [Layer] { body }
  public var parameters: [NamedParameter] { chain.parameters }
  public var buffers: [NamedBuffer] { chain.buffers }
  public var parameterCount: Int { chain.parameterCount }

  public func outputShape(for input: [Int]) throws -> [Int] {
    try merge(input, try chain.outputShape(for: input))
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    try merge(input, try chain.build(input: input, seed: seed))
  }

  private func merge(_ input: [Int], _ inner: [Int]) throws -> [Int] {
    try requireImage(input, layer: "SkipConcat")
    guard inner.count == 3, inner[1] <= input[1], inner[2] <= input[2] else {
      throw ShapeError(
        layer: "SkipConcat", got: input, expected: "a body output no larger than its input",
        problem: "SkipConcat's body gives \(shapeText(inner)) for an input \(shapeText(input))",
        fix: "the skipped map is cropped, never padded; the body must not grow the map")
    }
    return [input[0] + inner[0], inner[1], inner[2]]
  }

  /// `concat([centerCrop(x), body(x)], axis: 1)`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    let inner = try chain(input)
    _ = try merge(Array(input.shape.dropFirst()), Array(inner.shape.dropFirst()))
    let (height, width) = (inner.shape[2], inner.shape[3])
    let top = (input.shape[2] - height) / 2
    let left = (input.shape[3] - width) / 2
    let cropped = try input.slice(axis: 2, top..<(top + height)).slice(
      axis: 3, left..<(left + width))
    return try concat([cropped, inner], axis: 1)
  }

  public var description: String {
    let head = name.map { "SkipConcat(name: \"\($0)\") {" } ?? "SkipConcat {"
    return head + "\n" + chain.body + "\n}"
  }
}

extension SkipConcat: Container {
  public var keyedChildren: [(key: String, layer: Layer)] { Array(zip(chain.keys, body)) }

  public func childInputs(for input: [Int]) throws -> [(key: String, layer: Layer, input: [Int])] {
    try chain.inputs(for: input)
  }
}
