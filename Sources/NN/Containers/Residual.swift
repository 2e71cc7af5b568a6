import Autograd
import Foundation
import Tensor

/// A residual block (He et al. 2016): `y = activation(body(x) + shortcut(x))`.
///
/// Shortcuts: `.identity` when the body keeps the shape; `.projection(layer)` (e.g. a strided 1x1
/// Conv2D and BatchNorm2D, torchvision's "downsample"); `.zeroPad(stride:)`, option A of the
/// CIFAR ResNets: the input subsampled by `stride` (`x[:, :, ::s, ::s]`) and zero channels added,
/// `(C' − C)/2` before and the rest after, a shortcut with no parameters.
public final class Residual: Layer {
  public enum Shortcut {
    case identity
    case zeroPad(stride: Int)
    case projection(Layer)
  }

  public var name: String?
  public let shortcut: Shortcut
  public let activation: Activation
  public private(set) var body: [Layer]
  public var isTraining = true {
    didSet {
      LayerChain(layers: body).setTraining(isTraining)
      projection?.isTraining = isTraining
    }
  }

  public init(
    name: String? = nil, shortcut: Shortcut = .identity,
    activation: Activation = .relu, @LayerBuilder _ body: () -> [Layer]
  ) {
    self.name = name
    self.shortcut = shortcut
    self.activation = activation
    self.body = body()
  }

  var chain: LayerChain { LayerChain(layers: body) }

  /// The projection layer, if the shortcut has one.
  public var projection: Layer? {
    if case .projection(let layer) = shortcut { return layer }
    return nil
  }

  var projectionKey: String { projection?.name ?? "shortcut" }

  public var typeName: String { "Residual" }
  public var children: [Layer] { body + (projection.map { [$0] } ?? []) }

  public var parameters: [NamedParameter] {
    chain.parameters
      + (projection?.parameters ?? []).map {
        NamedParameter(name: "\(projectionKey).\($0.name)", variable: $0.variable)
      }
  }

  public var buffers: [NamedBuffer] {
    chain.buffers
      + (projection?.buffers ?? []).map {
        NamedBuffer(name: "\(projectionKey).\($0.name)", variable: $0.variable)
      }
  }

  public var parameterCount: Int { chain.parameterCount + (projection?.parameterCount ?? 0) }

  public func outputShape(for input: [Int]) throws -> [Int] {
    let main = try chain.outputShape(for: input)
    let side = try shortcutShape(input: input, bodyOutput: main) {
      try $0.outputShape(for: input)
    }
    return try merge(main, side, input: input)
  }

  public func build(input: [Int], seed: UInt64) throws -> [Int] {
    let main = try chain.build(input: input, seed: seed)
    let side = try shortcutShape(input: input, bodyOutput: main) {
      try $0.build(input: input, seed: mixSeed(seed, projectionKey))
    }
    return try merge(main, side, input: input)
  }

  private func shortcutShape(
    input: [Int], bodyOutput: [Int],
    project: (Layer) throws -> [Int]
  ) throws -> [Int] {
    switch shortcut {
    case .identity:
      return input
    case .zeroPad(let stride):
      guard input.count == 3, bodyOutput.count == 3, stride >= 1 else { return input }
      let height = (input[1] + stride - 1) / stride
      let width = (input[2] + stride - 1) / stride
      return [max(bodyOutput[0], input[0]), height, width]
    case .projection(let layer):
      do {
        return try project(layer)
      } catch let error as ShapeError {
        throw error.inside(projectionKey)
      }
    }
  }

  private func merge(_ main: [Int], _ side: [Int], input: [Int]) throws -> [Int] {
    guard main == side else {
      throw ShapeError(
        layer: "Residual", got: input, expected: "body and shortcut shapes to agree",
        problem:
          "Residual's body gives \(shapeText(main)) but its shortcut gives \(shapeText(side))",
        fix: "use shortcut: .projection(…) or .zeroPad(stride:) when the body changes the shape")
    }
    return main
  }

  /// `activation(body(x) + shortcut(x))`.
  public func callAsFunction(_ input: Variable) throws -> Variable {
    let main = try chain(input)
    let side: Variable
    switch shortcut {
    case .identity: side = input
    case .projection(let layer): side = try layer(input)
    case .zeroPad(let stride):
      side = try zeroPadShortcut(input, stride: stride, channels: main.shape[1])
    }
    guard main.shape == side.shape else {
      throw ShapeError(
        layer: "Residual", got: input.shape, expected: "body and shortcut shapes to agree",
        problem:
          "Residual's body gives \(shapeText(main.shape)) but its shortcut gives \(shapeText(side.shape))",
        fix: "use shortcut: .projection(…) or .zeroPad(stride:) when the body changes the shape")
    }
    if activation == .relu { return try Variable.addRelu(main, side) }
    return try activation.apply(try main + side)
  }

  /// Option A: `x[:, :, ::s, ::s]` (a 1x1 average pool with stride s), then zero channels,
  /// `(C' − C)/2` before and the rest after.
  private func zeroPadShortcut(_ x: Variable, stride: Int, channels: Int) throws -> Variable {
    let sampled = stride == 1 ? x : try x.avgPool2d(Pool2dOptions(kernel: 1, stride: Size2(stride)))
    let extra = max(channels - x.shape[1], 0)
    guard extra > 0 else { return sampled }
    return try sampled.padded([(0, 0), (extra / 2, extra - extra / 2), (0, 0), (0, 0)])
  }

  public var description: String {
    var arguments: [String] = []
    if let name { arguments.append("name: \"\(name)\"") }
    switch shortcut {
    case .identity: break
    case .zeroPad(let stride): arguments.append("shortcut: .zeroPad(stride: \(stride))")
    case .projection(let layer):
      let inner = layer.description.replacingOccurrences(of: "\n", with: "\n  ")
      arguments.append("shortcut: .projection(\(inner))")
    }
    if activation != .relu { arguments.append("activation: \(activation)") }
    let head = arguments.isEmpty ? "Residual {" : "Residual(\(arguments.joined(separator: ", "))) {"
    return head + "\n" + chain.body + "\n}"
  }
}

extension Residual: Container {
  public var keyedChildren: [(key: String, layer: Layer)] {
    Array(zip(chain.keys, body)) + (projection.map { [(projectionKey, $0)] } ?? [])
  }

  public func childInputs(for input: [Int]) throws -> [(key: String, layer: Layer, input: [Int])] {
    var result = try chain.inputs(for: input)
    if let projection { result.append((projectionKey, projection, input)) }
    return result
  }
}
