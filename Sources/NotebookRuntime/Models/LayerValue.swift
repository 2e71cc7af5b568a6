import Autograd
import Display
import Lang
import NN
import Tensor

/// A layer or model of the language (`Conv2D(...)`, `Sequential { ... }`, `LeNet5()`): wraps an NN
/// `Layer`. Calling it runs a forward pass; members give counts, summaries, diagrams and training.
final class LayerValue: RuntimeObject {
  let layer: any Layer
  let runtime: RuntimeState

  init(_ layer: any Layer, runtime: RuntimeState) {
    self.layer = layer
    self.runtime = runtime
  }

  override var typeName: String { layer.typeName }
  override var aliases: [String] { ["Layer", "Model"] }
  override var description: String { layer.description }

  /// The per-sample input shape the model was built for, if any.
  var inputShape: [Int]? { (layer as? Sequential)?.inputShape }

  override var properties: [PropertySpec] {
    var list = [
      PropertySpec(
        name: "parameterCount", type: "Int",
        doc: "The number of trainable scalars (weights and biases)."
      ) {
        .int(self.layer.parameterCount)
      },
      PropertySpec(name: "layers", type: "[Layer]", doc: "The layers inside a container, in order.")
      {
        .array(self.layer.children.map { .host(LayerValue($0, runtime: self.runtime)) })
      },
      PropertySpec(
        name: "outputShape", type: "[Int]",
        doc: "The per-sample output shape of a model built with Sequential(input:)."
      ) {
        guard let input = self.inputShape else {
          throw HostError(
            "ShapeError", "\(self.layer.typeName) does not know its input shape",
            hint: "build it with Sequential(input: [1, 32, 32]) { ... }")
        }
        return .ints(try self.layer.outputShape(for: input))
      },
      PropertySpec(
        name: "history", type: "History?",
        doc: "The history of the last fit (kept when it was interrupted)."
      ) {
        self.runtime.histories[ObjectIdentifier(self.layer)].map { .host(HistoryValue($0)) }
          ?? .null
      },
      PropertySpec(name: "inputShape", type: "[Int]?", doc: "The per-sample input shape, or nil.") {
        self.inputShape.map { .ints($0) } ?? .null
      },
      PropertySpec(
        name: "parameters", type: "[(String, Tensor)]", doc: "Every trainable tensor with its name."
      ) {
        .array(
          self.layer.parameters.map { .tuple([.string($0.name), .host(TensorValue($0.variable))]) })
      },
    ]
    if let weight = LayerWeights.weight(of: layer) {
      list.append(
        PropertySpec(
          name: "weight", type: "Tensor",
          doc: "The layer's weight tensor (conv: [out, in, kh, kw])."
        ) {
          guard let variable = weight() else {
            throw HostError(
              "ValueError", "the layer has no weights yet: it is not built",
              hint: "put it in Sequential(input: ...) or call the model once")
          }
          return .host(TensorValue(variable))
        })
    }
    if let bias = LayerWeights.bias(of: layer) {
      list.append(
        PropertySpec(name: "bias", type: "Tensor?", doc: "The layer's bias vector, or nil.") {
          bias().map { .host(TensorValue($0)) } ?? .null
        })
    }
    return list
  }

  override var methods: [MethodSpec] { ModelMethods.methods(for: self) }

  override func call(arguments: [(label: String?, value: Value)], context: CallContext) throws
    -> Value?
  {
    guard arguments.count == 1, arguments[0].label == nil else {
      throw HostError("TypeError", "a model is called with one tensor: model(x)")
    }
    return try EngineErrors.run { .host(TensorValue(try forward(arguments[0].value))) }
  }

  /// A forward pass of a batch `[N, ...]` or of one sample (a batch axis is added and removed).
  func forward(_ value: Value) throws -> Variable {
    guard
      let input = value.host(as: TensorValue.self) ?? value.host(as: SampleValue.self)?.imageValue
    else {
      throw HostError("TypeError", "a model takes a Tensor, got \(value.typeName)")
    }
    let shape = input.variable.shape
    try runtime.layerTrace?.calling(layer, input: Array(shape.dropFirst()))
    if let expected = inputShape, shape == expected {
      let output = try layer(try input.variable.reshaped([1] + shape))
      return try output.reshaped(Array(output.shape.dropFirst()))
    }
    return try layer(input.variable)
  }

  override func displayBundle() -> MimeBundle {
    var text = layer.description
    if let input = inputShape, let output = try? layer.outputShape(for: input) {
      text +=
        "\n\(Numbers.grouped(layer.parameterCount)) parameters, input \(input) → output \(output)"
    }
    return MimeBundle(plain: text)
  }
}

/// The weight and bias accessors of the leaf layers that have them.
enum LayerWeights {
  static func weight(of layer: any Layer) -> (() -> Variable?)? {
    switch layer {
    case let conv as Conv2D: return { conv.weight }
    case let dense as Dense: return { dense.weight }
    case let norm as BatchNorm2D: return { norm.weight }
    case let up as ConvTranspose2D: return { up.weight }
    default: return nil
    }
  }

  static func bias(of layer: any Layer) -> (() -> Variable?)? {
    switch layer {
    case let conv as Conv2D: return { conv.bias }
    case let dense as Dense: return { dense.bias }
    case let norm as BatchNorm2D: return { norm.bias }
    case let up as ConvTranspose2D: return { up.bias }
    default: return nil
    }
  }
}
