extension Layer {
  /// The summary of this model for a per-sample input shape (default: the shape it was built
  /// for), with rows nested up to `depth` levels. Throws a `ShapeError` when a shape cannot work.
  public func summary(input: [Int]? = nil, depth: Int = 3) throws -> ModelSummary {
    guard let shape = input ?? (self as? Sequential)?.inputShape else {
      throw ShapeError(
        layer: typeName, got: [], expected: "an input shape",
        problem: "\(typeName) does not know its input shape yet",
        fix: "give one, e.g. summary(input: [1, 32, 32])")
    }
    try requireValidShape(shape, layer: typeName)
    var walker = SummaryWalker(depthLimit: max(depth, 1))
    let field = FieldState(size: 1, jump: 1)
    let root = try walker.visit(self, key: "", depth: 0, index: 1, input: shape, field: field)
    return ModelSummary(
      typeName: typeName, inputShape: shape, outputShape: root.node.outputShape,
      layers: root.node.isContainer ? root.node.children : [root.node], depthLimit: max(depth, 1),
      trainableParameters: root.node.parameters, buffers: root.node.buffers,
      multAdds: root.node.multAdds, parameterBytes: 4 * root.node.parameters,
      inputBytes: 4 * shape.reduce(1, *), inferenceActivationBytes: 4 * walker.peakElements,
      trainingActivationBytes: 8 * walker.keptElements)
  }
}

/// Receptive field bookkeeping: `size` input pixels seen per output pixel, `jump` input pixels
/// between neighbouring output pixels. A window k (dilation d, stride s) gives
/// `size + (d·(k − 1))·jump` and `jump·s`; upsampling by r divides the jump by r.
struct FieldState {
  var size: Double
  var jump: Double

  func after(_ window: Window?) -> FieldState {
    guard let window else { return self }
    let grown = size + Double(window.dilation * (window.kernel - 1)) * jump
    return FieldState(size: grown, jump: jump * Double(window.stride) / Double(window.scale))
  }

  func merged(_ other: FieldState) -> FieldState {
    FieldState(size: max(size, other.size), jump: max(jump, other.jump))
  }
}

/// Walks a layer tree once, computing every row and the activation totals.
struct SummaryWalker {
  let depthLimit: Int
  var peakElements = 0
  var keptElements = 0

  mutating func visit(
    _ layer: Layer, key: String, depth: Int, index: Int, input: [Int],
    field: FieldState
  ) throws -> (node: LayerSummary, field: FieldState) {
    let output = try layer.outputShape(for: input)
    if let container = layer as? Container {
      return try visitContainer(
        container, key: key, depth: depth, index: index, input: input,
        output: output, field: field)
    }
    let cost = try layer.cost(input: input)
    let after = field.after(cost.window)
    let inCount = input.reduce(1, *)
    let outCount = output.reduce(1, *)
    peakElements = max(peakElements, inCount + outCount)
    keptElements += outCount
    let node = LayerSummary(
      path: key, name: layer.name, typeName: layer.typeName, code: layer.description,
      depth: depth, index: index, inputShape: input, outputShape: output,
      parameters: cost.parameters, buffers: cost.buffers, multAdds: cost.multAdds,
      receptiveField: output.count == 3 ? Int(after.size.rounded(.up)) : nil,
      arithmetic: cost.arithmetic, children: [], isContainer: false)
    return (node, after)
  }

  private mutating func visitContainer(
    _ container: Container, key: String, depth: Int, index: Int, input: [Int], output: [Int],
    field: FieldState
  ) throws -> (node: LayerSummary, field: FieldState) {
    var children: [LayerSummary] = []
    var chainField = field
    var sideField = field
    let shortcut = (container as? Residual)?.projection
    for (position, child) in try container.childInputs(for: input).enumerated() {
      let path = key.isEmpty ? child.key : "\(key).\(child.key)"
      let isSide = shortcut.map { $0 === child.layer } ?? false
      let start = isSide ? field : chainField
      let visited = try visit(
        child.layer, key: path, depth: depth + 1, index: position + 1,
        input: child.input, field: start)
      children.append(visited.node)
      if isSide { sideField = visited.field } else { chainField = visited.field }
    }
    if case .zeroPad(let stride)? = (container as? Residual)?.shortcut {
      sideField = field.after(Window(kernel: 1, stride: stride))
    }
    let after = container is Residual ? chainField.merged(sideField) : chainField
    let node = LayerSummary(
      path: key, name: container.name, typeName: container.typeName,
      code: String(container.description.prefix { $0 != "\n" }), depth: depth, index: index,
      inputShape: input, outputShape: output,
      parameters: children.reduce(0) { $0 + $1.parameters },
      buffers: children.reduce(0) { $0 + $1.buffers },
      multAdds: children.reduce(0) { $0 + $1.multAdds },
      receptiveField: output.count == 3 ? Int(after.size.rounded(.up)) : nil,
      arithmetic: [], children: depth + 1 > depthLimit ? [] : children, isContainer: true)
    return (node, after)
  }
}
