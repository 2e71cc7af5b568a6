import Lang
import NN

/// The layer constructors and containers, with the labels of LANGUAGE.md. Docs give the formula
/// each layer computes.
enum LayerBuiltins {
  static let activations = [
    "relu", "tanh", "sigmoid", "leakyRelu", "elu", "gelu", "softmax", "identity",
  ]

  static func register(_ r: Registrar) {
    registerConvolutions(r)
    registerDense(r)
    registerPooling(r)
    registerSimple(r)
    registerContainers(r)
  }

  static func wrap(_ layer: any Layer, _ r: Registrar) -> Value {
    .host(LayerValue(layer, runtime: r.runtime))
  }

  static func activation(_ value: Value) throws -> Activation {
    guard !value.isNil else { return .identity }
    guard case .implicitMember(let name) = value else {
      throw HostError(
        "TypeError", "activation expects an implicit member like .relu, got \(value.typeName)")
    }
    if name == "none" || name == "linear" { return .identity }
    guard let activation = Activation(rawValue: name) else {
      throw HostError(
        "ValueError", "unknown activation .\(name)",
        hint: "use one of " + activations.map { "." + $0 }.joined(separator: ", "))
    }
    return activation
  }

  static func padding(_ value: Value) throws -> Padding {
    if let pixels = value.intValue {
      guard pixels >= 0 else { throw HostError("ValueError", "padding must be ≥ 0, got \(pixels)") }
      return .explicit(pixels)
    }
    if case .implicitMember(let name) = value {
      switch name {
      case "same": return .same
      case "valid": return .valid
      default:
        throw HostError(
          "ValueError", "unknown padding .\(name)", hint: "use a number, .same or .valid")
      }
    }
    throw HostError("TypeError", "padding expects an Int, .same or .valid, got \(value.typeName)")
  }

  static func positive(_ a: Arguments, _ names: String...) throws {
    for name in names {
      if let number = try a.optionalInt(name), number < 1 {
        throw HostError("ValueError", "\(a.function): \(name) must be ≥ 1, got \(number)")
      }
    }
  }

  private static func registerConvolutions(_ r: Registrar) {
    r.add(
      "Conv2D",
      [
        P.positional("filters", "Int"), P.labelled("kernel", "Int"),
        P.labelled("stride", "Int", default: .int(1)),
        P.labelled("padding", "Int", default: .int(0), implicit: ["same", "valid"]),
        P.labelled("dilation", "Int", default: .int(1)),
        P.labelled("bias", "Bool", default: .bool(true)),
        P.labelled("activation", "Activation", default: .null, implicit: activations),
        P.labelled("inChannels", "Int?", default: .null),
      ], returns: "Conv2D",
      doc:
        "A 2-D convolution over [C, H, W]: `filters` kernels of kernel×kernel×C weights plus a bias each; out[f, i, j] = b[f] + Σ_c Σ_u Σ_v w[f, c, u, v]·x[c, i·S + u − P, j·S + v − P], then the activation. Output side W' = (W − F + 2P)/S + 1. Parameters: filters·(kernel²·C + 1).",
      example: "Conv2D(6, kernel: 5, activation: .tanh)"
    ) { a in
      try positive(a, "filters", "kernel", "stride", "dilation", "inChannels")
      return wrap(
        Conv2D(
          try a.int("filters"), kernel: try a.int("kernel"), stride: try a.int("stride"),
          padding: try padding(a["padding"]),
          dilation: try a.int("dilation"), bias: try a.bool("bias"),
          activation: try activation(a["activation"]),
          inChannels: try a.optionalInt("inChannels")), r)
    }
    r.add(
      "ConvTranspose2D",
      [
        P.positional("filters", "Int"), P.labelled("kernel", "Int"),
        P.labelled("stride", "Int", default: .int(1)),
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("activation", "Activation", default: .null, implicit: activations),
      ],
      returns: "ConvTranspose2D",
      doc:
        "A transposed (up-)convolution: each input pixel scatters a kernel×kernel patch. Output side W' = (W − 1)·S − 2P + F.",
      example: "ConvTranspose2D(64, kernel: 2, stride: 2)"
    ) { a in
      try positive(a, "filters", "kernel", "stride")
      return wrap(
        ConvTranspose2D(
          try a.int("filters"), kernel: try a.int("kernel"), stride: try a.int("stride"),
          padding: try a.int("padding"), activation: try activation(a["activation"])), r)
    }
  }

  private static func registerDense(_ r: Registrar) {
    r.add(
      "Dense",
      [
        P.positional("units", "Int"), P.labelled("inputs", "Int?", default: .null),
        P.labelled("bias", "Bool", default: .bool(true)),
        P.labelled("activation", "Activation", default: .null, implicit: activations),
      ], returns: "Dense",
      doc:
        "A fully connected layer: y = activation(W·x + b) with W of shape [units, inputs]. Parameters: units·(inputs + 1).",
      example: "Dense(120, activation: .tanh)"
    ) { a in
      try positive(a, "units", "inputs")
      return wrap(
        Dense(
          try a.int("units"), inputs: try a.optionalInt("inputs"), bias: try a.bool("bias"),
          activation: try activation(a["activation"])), r)
    }
  }

  private static func registerPooling(_ r: Registrar) {
    for (name, isMax) in [("MaxPool2D", true), ("AvgPool2D", false)] {
      r.add(
        name,
        [
          P.positional("size", "Int"), P.labelled("stride", "Int?", default: .null),
          P.labelled("padding", "Int", default: .int(0)),
        ],
        returns: name,
        doc:
          "\(isMax ? "Max" : "Average") pooling: each size×size window (moved by stride, default size) becomes its \(isMax ? "largest value" : "mean"), per channel. No parameters. Output side (W − size + 2P)/stride + 1.",
        example: "\(name)(2)"
      ) { a in
        try positive(a, "size", "stride")
        let size = try a.int("size")
        let stride = try a.optionalInt("stride")
        let pad = Padding.explicit(try a.int("padding"))
        return wrap(
          isMax
            ? MaxPool2D(size, stride: stride, padding: pad)
            : AvgPool2D(size, stride: stride, padding: pad), r)
      }
    }
    r.add(
      "GlobalAvgPool2D", returns: "GlobalAvgPool2D",
      doc: "The mean of every channel over its whole map: [C, H, W] → [C].",
      example: "GlobalAvgPool2D()"
    ) { _ in wrap(GlobalAvgPool2D(), r) }
    r.add(
      "AdaptiveAvgPool2D", [P.positional("size", "Int")], returns: "AdaptiveAvgPool2D",
      doc: "Average pooling to a fixed size×size output whatever the input size.",
      example: "AdaptiveAvgPool2D(6)"
    ) { a in
      try positive(a, "size")
      return wrap(AdaptiveAvgPool2D(try a.int("size")), r)
    }
  }

  private static func registerSimple(_ r: Registrar) {
    r.add(
      "Flatten", returns: "Flatten", doc: "Flattens [C, H, W] into one vector of C·H·W values.",
      example: "Flatten()"
    ) { _ in wrap(Flatten(), r) }
    r.add("ReLU", returns: "ReLU", doc: "max(0, x) elementwise.", example: "ReLU()") { _ in
      wrap(ReLU(), r)
    }
    r.add("Tanh", returns: "Tanh", doc: "tanh(x) elementwise.", example: "Tanh()") { _ in
      wrap(Tanh(), r)
    }
    r.add("Sigmoid", returns: "Sigmoid", doc: "1 / (1 + e^−x) elementwise.", example: "Sigmoid()") {
      _ in wrap(Sigmoid(), r)
    }
    r.add("GELU", returns: "GELU", doc: "x·Φ(x) elementwise.", example: "GELU()") { _ in
      wrap(GELU(), r)
    }
    r.add(
      "Softmax", returns: "Softmax", doc: "e^x_i / Σ_j e^x_j over the classes.",
      example: "Softmax()"
    ) { _ in wrap(Softmax(), r) }
    r.add(
      "LeakyReLU", [P.positional("slope", "Double", default: .double(0.01))], returns: "LeakyReLU",
      doc: "x for x > 0, slope·x otherwise.", example: "LeakyReLU(0.1)"
    ) { a in wrap(LeakyReLU(try a.double("slope")), r) }
    r.add(
      "Dropout", [P.positional("probability", "Double", default: .double(0.5))], returns: "Dropout",
      doc:
        "In training, zeroes each value with the given probability and scales the rest by 1/(1 − p); identity in evaluation.",
      example: "Dropout(0.5)"
    ) { a in
      let p = try a.double("probability")
      guard p >= 0, p < 1 else {
        throw HostError("ValueError", "Dropout probability must be in [0, 1), got \(p)")
      }
      return wrap(Dropout(p), r)
    }
    r.add(
      "BatchNorm2D", [P.labelled("channels", "Int?", default: .null)], returns: "BatchNorm2D",
      doc:
        "Normalises each channel over the batch and the map: y = γ·(x − μ)/√(σ² + ε) + β, with running statistics for evaluation. Parameters: 2·C.",
      example: "BatchNorm2D()"
    ) { a in wrap(BatchNorm2D(channels: try a.optionalInt("channels")), r) }
    r.add(
      "Upsample", [P.labelled("scale", "Int", default: .int(2))], returns: "Upsample",
      doc: "Nearest-neighbour upsampling by an integer factor.", example: "Upsample(scale: 2)"
    ) { a in
      try positive(a, "scale")
      return wrap(Upsample(scale: try a.int("scale")), r)
    }
  }

  /// The layers a builder block produced: layers, arrays of layers, models from user functions,
  /// values of user types declared `: Layer` (run through the interpreter: `UserLayer`).
  static func layers(_ value: Value, in function: String, _ a: Arguments, _ r: Registrar) throws
    -> [any Layer]
  {
    guard let elements = value.arrayValue else {
      throw HostError("TypeError", "\(function) expects a block of layers")
    }
    var result: [any Layer] = []
    for element in elements {
      if let layer = element.host(as: LayerValue.self) {
        result.append(layer.layer)
      } else if element.conforms(to: UserLayer.protocolRequirement.name) {
        result.append(UserLayer(element, context: a.context, runtime: r.runtime))
      } else if case .array = element {
        result += try layers(element, in: function, a, r)
      } else {
        throw HostError(
          "TypeError",
          "\(function)'s block produced a value of type \(element.typeName), but only layers belong in it",
          hint: "end the statement with `;` or assign it with `let _ =`")
      }
    }
    return result
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerContainers(_ r: Registrar) {
    r.add(
      "Sequential",
      [
        P.labelled("input", "[Int]?", default: .null),
        P.labelled("name", "String?", default: .null),
        P.positional("layers", "() -> [Layer]", default: .array([])),
      ], returns: "Sequential",
      doc:
        "Layers applied in order, written as a builder block (for and if inside generate layers). With input: [C, H, W] the model is built at once: every shape is checked and weights drawn from the session's seed.",
      example:
        "Sequential(input: [1, 32, 32]) {\n    Conv2D(6, kernel: 5, activation: .tanh)\n    AvgPool2D(2)\n}",
      builder: true
    ) { a in
      var input = a["input"]
      var content = a["layers"]
      if let elements = input.arrayValue,
        elements.contains(where: { $0.intValue == nil })
          || (elements.isEmpty && content.arrayValue?.isEmpty == true)
      {
        (input, content) = (content.arrayValue?.isEmpty == true ? .null : content, input)
      }
      let name = a.isNil("name") ? nil : try a.string("name")
      let model = NN.Sequential(
        name: name, layers: try layers(content, in: "Sequential", a, r), seed: r.runtime.nextSeed())
      if !input.isNil {
        guard let shape = input.arrayValue?.compactMap(\.intValue),
          shape.count == input.arrayValue?.count, !shape.isEmpty,
          shape.allSatisfy({ $0 >= 1 })
        else {
          throw HostError("TypeError", "Sequential's input expects a shape like [1, 32, 32]")
        }
        try model.build(input: shape)
      }
      return wrap(model, r)
    }
    r.add(
      "Residual", [P.positional("layers", "() -> [Layer]", default: .array([]))],
      returns: "Residual",
      doc:
        "y = activation(F(x) + x): the block's layers F plus a shortcut that carries x around them (He et al. 2016)..",
      example:
        "Residual {\n    Conv2D(16, kernel: 3, padding: 1)\n    Conv2D(16, kernel: 3, padding: 1)\n}",
      builder: true
    ) { a in
      let body = try layers(a["layers"], in: "Residual", a, r)
      return wrap(NN.Residual { body }, r)
    }
    r.add(
      "SkipConcat", [P.positional("layers", "() -> [Layer]", default: .array([]))],
      returns: "SkipConcat",
      doc:
        "U-Net's skip connection: the block's output concatenated with its input (cropped to match) along the channels.",
      example:
        "SkipConcat {\n    MaxPool2D(2)\n    Conv2D(16, kernel: 3, padding: 1)\n    ConvTranspose2D(8, kernel: 2, stride: 2)\n}",
      builder: true
    ) { a in
      let body = try layers(a["layers"], in: "SkipConcat", a, r)
      return wrap(NN.SkipConcat { body }, r)
    }
  }
}
