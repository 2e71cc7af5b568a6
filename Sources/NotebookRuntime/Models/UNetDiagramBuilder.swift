import NN
import Plot

/// Recognises a U-Net in a summary and lays its layers out by level for `UNetDiagram`.
///
/// A level is a list of layers (Sequentials opened, BatchNorm and activations folded away) with at
/// most one `SkipConcat`: the layers before it go down the left, the `SkipConcat`'s body is a
/// pooling, the next level and an up-sampling, and the layers after it go up the right, after the
/// concatenation. A level without a `SkipConcat` is the bottom. Anything else is not a U-Net (nil).
enum UNetDiagramBuilder {
  static func diagram(_ summary: ModelSummary) -> UNetDiagram? {
    let input = DiagramNode(
      label: "Input", detail: "input", shape: summary.inputShape, kind: .input,
      info: "Input \(summary.inputShape)")
    guard summary.inputShape.count == 3, let levels = level(summary.layers, entry: input),
      levels.count >= 2
    else { return nil }
    var down = "max pool", up = "up-conv"
    if let skip = summary.rows.first(where: { $0.typeName == "SkipConcat" }),
      let first = skip.children.first, let last = skip.children.last
    {
      down = describe(first)
      up = describe(last)
    }
    let cropped = levels.contains { level in
      guard let copied = level.encoder.last, let concat = level.decoder.first else { return false }
      return copied.shape.suffix(2) != concat.shape.suffix(2)
    }
    let title =
      "\(summary.typeName) (U-Net): \(Numbers.grouped(summary.totalParameters)) parameters"
    return UNetDiagram(
      title: title, levels: levels, down: down, up: up, skip: cropped ? "copy and crop" : "copy")
  }

  /// The levels from this one down, or nil when the rows are not a U-Net level.
  static func level(_ rows: [LayerSummary], entry: DiagramNode) -> [UNetDiagram.Level]? {
    let flat = opened(rows)
    guard flat.allSatisfy({ $0.outputShape.count == 3 && $0.typeName != "Residual" }) else {
      return nil
    }
    let skips = flat.indices.filter { flat[$0].typeName == "SkipConcat" }
    guard let k = skips.first else { return [UNetDiagram.Level(encoder: [entry] + flat.map(node))] }
    guard skips.count == 1 else { return nil }
    let body = opened(
      flat[k].children.filter { !DiagramBuilder.hidden.contains($0.typeName) }, keepFirstLevel: true
    )
    guard body.count >= 3, let pool = body.first, let upsample = body.last,
      DiagramBuilder.kind(pool.typeName) == .pool,
      DiagramBuilder.kind(upsample.typeName) == .upsample,
      let below = level(Array(body.dropFirst().dropLast()), entry: node(pool))
    else { return nil }
    let concat = DiagramNode(
      label: "Concat", detail: "concat", shape: flat[k].outputShape, kind: .concat,
      info: DiagramBuilder.info([flat[k]]))
    let decoder = [concat] + flat[(k + 1)...].map(node)
    return [UNetDiagram.Level(encoder: [entry] + flat[..<k].map(node), decoder: decoder)] + below
  }

  /// Rows with Sequentials opened and hidden layers dropped.
  static func opened(_ rows: [LayerSummary], keepFirstLevel: Bool = false) -> [LayerSummary] {
    rows.flatMap { row -> [LayerSummary] in
      if DiagramBuilder.hidden.contains(row.typeName) { return [] }
      return row.typeName == "Sequential" && !keepFirstLevel ? opened(row.children) : [row]
    }
  }

  static func node(_ row: LayerSummary) -> DiagramNode {
    DiagramNode(
      label: row.typeName, detail: describe(row), shape: row.outputShape,
      kind: DiagramBuilder.kind(row.typeName), info: DiagramBuilder.info([row]))
  }

  /// "conv 3x3, ReLU", "max pool 2x2", "up-conv 2x2": what an arrow into this layer does.
  static func describe(_ row: LayerSummary) -> String {
    let k = row.arithmetic.first.map { "\($0.filter)x\($0.filter)" } ?? ""
    switch row.typeName {
    case "Conv2D": return "conv \(k)" + (row.code.contains(".relu") ? ", ReLU" : "")
    case "MaxPool2D": return "max pool \(k)"
    case "AvgPool2D": return "avg pool \(k)"
    case "ConvTranspose2D": return "up-conv \(k)"
    default: return row.typeName
    }
  }
}
