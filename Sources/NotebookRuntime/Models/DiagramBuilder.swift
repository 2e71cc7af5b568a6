import Foundation
import NN
import Plot

/// Walks a summary tree into a chain of diagram nodes. Containers are opened; BatchNorm,
/// activation and dropout layers are folded away. At depth 1 a stage (a Sequential of residual
/// blocks, or of plain convolution blocks) becomes one stacked node, "3 × BasicBlock", and runs of
/// identical layers become one node, "3 × Conv2D"; at depth 2 every block is a node with its
/// shortcut drawn around it; from depth 3 a residual block is opened into its layers with the
/// shortcut arcing over them. A skip-concatenation gets a concat node and an arc.
struct DiagramBuilder {
  static let hidden: Set<String> = [
    "BatchNorm2D", "ReLU", "Tanh", "Sigmoid", "GELU", "ELU", "LeakyReLU", "Softmax",
    "Identity", "Dropout",
  ]
  let depth: Int
  var nodes: [DiagramNode] = []
  var edges: [DiagramEdge] = []

  static func diagram(_ summary: ModelSummary, depth: Int = 1, failure: DiagramFailure? = nil)
    -> ArchitectureDiagram
  {
    var builder = DiagramBuilder(depth: depth)
    builder.nodes = [
      DiagramNode(
        label: "Input", shape: summary.inputShape, kind: .input,
        info:
          "Input \(summary.inputShape) · activations \(bytes(4 * summary.inputShape.reduce(1, *)))")
    ]
    builder.visit(summary.layers)
    var nodes = builder.nodes
    if let failure {
      nodes.append(
        DiagramNode(
          label: failure.label, detail: failure.detail, shape: [], kind: .other,
          info: failure.message, error: failure.message))
    } else if nodes.count > 1, nodes[nodes.count - 1].kind == .dense {
      nodes[nodes.count - 1].kind = .output
    }
    let title =
      failure == nil
      ? "\(summary.typeName): \(Numbers.grouped(summary.totalParameters)) parameters"
      : "\(summary.typeName): the shapes stop fitting at \(failure?.label ?? "")"
    return ArchitectureDiagram(title: title, nodes: nodes, edges: builder.edges)
  }

  mutating func visit(_ rows: [LayerSummary]) {
    let visible = rows.filter { !DiagramBuilder.hidden.contains($0.typeName) }
    var index = 0
    while index < visible.count {
      let row = visible[index]
      var run = 1
      if depth == 1 {
        while index + run < visible.count, let key = DiagramBuilder.signature(row),
          DiagramBuilder.signature(visible[index + run]) == key
        { run += 1 }
      }
      if run > 1 {
        nodes.append(DiagramBuilder.repeated(Array(visible[index..<(index + run)])))
      } else {
        visit(row)
      }
      index += run
    }
  }

  mutating func visit(_ row: LayerSummary) {
    switch row.typeName {
    case "Sequential":
      if depth == 1, let stage = DiagramBuilder.stage(row) {
        nodes.append(stage)
      } else {
        visit(row.children)
      }
    case "Residual" where depth >= 3 && !row.children.isEmpty:
      let before = nodes.count - 1
      visit(row.children.filter { !DiagramBuilder.isProjection($0) })
      edges.append(DiagramEdge(from: before, to: nodes.count - 1, kind: .residual))
    case "Residual":
      nodes.append(DiagramBuilder.block(row))
    case "SkipConcat":
      let before = nodes.count - 1
      visit(row.children)
      nodes.append(
        DiagramNode(
          label: "Concat", shape: row.outputShape, kind: .concat, info: DiagramBuilder.info(row)))
      edges.append(DiagramEdge(from: before, to: nodes.count - 1, kind: .skip))
    default:
      nodes.append(
        DiagramNode(
          label: row.typeName, detail: DiagramBuilder.short(code: row.code), shape: row.outputShape,
          kind: DiagramBuilder.kind(row.typeName), info: DiagramBuilder.info(row)))
    }
  }
}

/// Naming and collapsing.
extension DiagramBuilder {
  /// Rows that may be collapsed into one "n ×" node: same layer, same code, same output.
  static func signature(_ row: LayerSummary) -> String? {
    guard row.typeName != "Sequential", row.typeName != "SkipConcat" else { return nil }
    if row.typeName == "Residual" {
      return "\(blockName(row)) \(shortcutText(row) ?? "") \(row.inputShape) \(row.outputShape)"
    }
    return "\(row.code) \(row.outputShape)"
  }

  /// Several identical rows as one stacked node.
  static func repeated(_ rows: [LayerSummary]) -> DiagramNode {
    let first = rows[0], last = rows[rows.count - 1]
    let isBlock = first.typeName == "Residual"
    var node = DiagramNode(
      label: "\(rows.count) × \(isBlock ? blockName(first) : first.typeName)",
      detail: isBlock ? channels(first, last) : short(code: first.code), shape: last.outputShape,
      kind: isBlock ? .conv : kind(first.typeName), repeats: rows.count, info: info(rows))
    if isBlock { node.shortcut = shortcut(first) }
    return node
  }

  /// A stage: a Sequential of residual blocks, or of blocks holding only convolutions (a plain
  /// net's stage), as one stacked node; nil for anything else.
  static func stage(_ row: LayerSummary) -> DiagramNode? {
    let blocks = row.children.filter { !hidden.contains($0.typeName) }
    guard blocks.count >= 2, let first = blocks.first, let last = blocks.last else { return nil }
    if blocks.allSatisfy({ $0.typeName == "Residual" }) {
      let names = Set(blocks.map(blockName))
      let label =
        names.count == 1
        ? "\(blocks.count) × \(blockName(first))" : "\(blocks.count) residual blocks"
      return DiagramNode(
        label: label, detail: channels(first, last), shape: row.outputShape, kind: .conv,
        shortcut: shortcut(first), repeats: blocks.count, info: info([row]))
    }
    let convs = row.flattened.filter { !$0.isContainer && !hidden.contains($0.typeName) }
    guard !convs.isEmpty, convs.allSatisfy({ $0.typeName == "Conv2D" }),
      blocks.allSatisfy({ $0.typeName == "Sequential" || $0.typeName == "Conv2D" })
    else { return nil }
    let kernel = convs[0].arithmetic.first.map { "\($0.filter)x\($0.filter)" } ?? ""
    return DiagramNode(
      label: "\(convs.count) × Conv2D \(kernel)", detail: channels(first, last),
      shape: row.outputShape,
      kind: .conv, repeats: convs.count, info: info([row]))
  }

  /// "64 → 128, 28×28": channels in and out, and the output map.
  static func channels(_ first: LayerSummary, _ last: LayerSummary) -> String {
    guard first.inputShape.count == 3, last.outputShape.count == 3 else {
      return short(code: first.code)
    }
    return
      "\(first.inputShape[0]) → \(last.outputShape[0]), \(last.outputShape[1])×\(last.outputShape[2])"
  }

  /// BasicBlock (two 3x3 convolutions), Bottleneck (1x1, 3x3, 1x1) or Residual.
  static func blockName(_ row: LayerSummary) -> String {
    let convs = row.children.filter { !isProjection($0) }.flatMap(\.flattened).filter {
      $0.typeName == "Conv2D"
    }
    let kernels = convs.map { $0.arithmetic.first?.filter ?? 0 }
    if kernels == [3, 3] { return "BasicBlock" }
    if kernels == [1, 3, 1] { return "Bottleneck" }
    return "Residual"
  }

  /// One residual block as a node with its shortcut.
  static func block(_ row: LayerSummary) -> DiagramNode {
    let inner = row.children.filter { !isProjection($0) }.flatMap(\.flattened).filter {
      !$0.isContainer && !hidden.contains($0.typeName)
    }
    let name = blockName(row)
    let detail =
      name == "Residual"
      ? inner.prefix(3).map { short(code: $0.code) }.joined(separator: " · ") : channels(row, row)
    return DiagramNode(
      label: name, detail: detail, shape: row.outputShape, kind: .conv, shortcut: shortcut(row),
      info: info([row]))
  }

  /// The projection child of a residual block (torchvision's "downsample", or "shortcut").
  static func isProjection(_ row: LayerSummary) -> Bool {
    row.name == "downsample" || row.path.hasSuffix("shortcut") || row.path.hasSuffix("downsample")
  }

  static func shortcut(_ row: LayerSummary) -> DiagramNode.Shortcut {
    shortcutText(row).map { .projection($0) } ?? .identity
  }

  /// "1x1 conv /2" for a projection, "zero-pad /2" for option A, nil for the identity.
  static func shortcutText(_ row: LayerSummary) -> String? {
    if let projection = row.children.first(where: isProjection) {
      let conv = projection.flattened.first { $0.typeName == "Conv2D" }
      let k = conv?.arithmetic.first?.filter ?? 1, s = conv?.arithmetic.first?.stride ?? 1
      return "\(k)x\(k) conv" + (s > 1 ? " /\(s)" : "")
    }
    if let range = row.code.range(of: "zeroPad(stride: ") {
      return "zero-pad /" + row.code[range.upperBound...].prefix { $0.isNumber }
    }
    return row.code.contains(".projection") ? "projection" : nil
  }
}

/// Texts: short descriptions, kinds and the hover.
extension DiagramBuilder {
  static func kind(_ typeName: String) -> DiagramNode.Kind {
    switch typeName {
    case "Conv2D": return .conv
    case "MaxPool2D", "AvgPool2D", "GlobalAvgPool2D", "AdaptiveAvgPool2D": return .pool
    case "Dense": return .dense
    case "BatchNorm2D": return .norm
    case "ConvTranspose2D", "Upsample": return .upsample
    default: return .other
    }
  }

  /// `Conv2D(6, kernel: 5, activation: .tanh)` → `6, kernel: 5, .tanh`.
  static func short(code: String) -> String {
    var code = String(code.prefix { $0 != "\n" })
    if let named = code.range(of: ").named(\"", options: .backwards), code.hasSuffix("\")") {
      code = String(code[..<named.lowerBound]) + ")"
    }
    for noise in [
      ", bias: false", ", weightInit: .heNormalFanOut", ", weightInit: .heNormal",
      ", weightInit: .xavier",
    ] {
      code = code.replacingOccurrences(of: noise, with: "")
    }
    if let open = code.firstIndex(of: "("), code.hasSuffix(")") {
      code = String(code[code.index(after: open)..<code.index(before: code.endIndex)])
    } else if code.hasSuffix("{") {
      code = ""
    }
    code = code.replacingOccurrences(of: "activation: ", with: "")
    return code.count > 28 ? String(code.prefix(27)) + "…" : code
  }

  /// Activation memory of rows for one sample: every leaf layer's float32 output, as kept for
  /// the backward pass.
  static func activationBytes(_ rows: [LayerSummary]) -> Int {
    rows.flatMap(\.flattened).filter { !$0.isContainer }.reduce(0) {
      $0 + 4 * $1.outputShape.reduce(1, *)
    }
  }

  /// The hover: code, output shape, parameters, mult-adds and activation memory.
  static func info(_ rows: [LayerSummary]) -> String {
    guard let first = rows.first, let last = rows.last else { return "" }
    let parameters = rows.reduce(0) { $0 + $1.parameters },
      multAdds = rows.reduce(0) { $0 + $1.multAdds }
    let head =
      rows.count > 1
      ? "\(rows.count) × \(String(first.code.prefix { $0 != "\n" }))"
      : String(first.code.prefix { $0 != "\n" })
    return "\(head)\noutput \(last.outputShape) · \(Numbers.grouped(parameters)) parameters · "
      + "\(Numbers.grouped(multAdds)) mult-adds · activations \(bytes(activationBytes(rows)))"
  }

  static func info(_ row: LayerSummary) -> String { info([row]) }

  /// 1,234 → "1.2 KB"; sizes in powers of 1000, as torchinfo.
  static func bytes(_ count: Int) -> String {
    let value = Double(count)
    if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
    if value >= 1e3 { return String(format: "%.1f KB", value / 1e3) }
    return "\(count) B"
  }
}
