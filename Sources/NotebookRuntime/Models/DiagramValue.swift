import Foundation
import Display
import Lang
import NN
import Plot

/// `model.diagram()`: the architecture as a chain of blocks (LeNet-figure style), each labelled
/// with its layer and output shape; residual shortcuts and U-Net skips as arrows. SVG + PNG.
final class DiagramValue: RuntimeObject {
  let summary: ModelSummary
  let diagram: ArchitectureDiagram

  init(_ summary: ModelSummary) {
    self.summary = summary
    self.diagram = DiagramBuilder.diagram(summary)
  }

  override var typeName: String { "Diagram" }

  override var description: String {
    diagram.nodes.map { "\($0.label) \(ArchitectureDiagram.shapeText($0.shape))" }.joined(separator: " → ")
  }

  override var methods: [MethodSpec] {
    [MethodSpec(name: "save", parameters: [P.positional("path", "String")], returns: nil, doc: "Writes the drawing to .svg or .png.") { a in
      try FigureFiles.write(self.diagram, to: try a.string("path"))
      return .void
    }]
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(diagram, plain: description) }
}

/// Walks a summary tree into diagram nodes: containers are opened, BatchNorm and activation
/// layers are folded away, a residual block becomes one node with a shortcut arrow around it, a
/// skip-concatenation gets a concat node and an arrow from where the skip leaves.
enum DiagramBuilder {
  static let hidden: Set<String> = ["BatchNorm2D", "ReLU", "Tanh", "Sigmoid", "GELU", "ELU", "LeakyReLU", "Softmax",
                                    "Identity", "Dropout"]

  static func diagram(_ summary: ModelSummary) -> ArchitectureDiagram {
    var nodes = [DiagramNode(label: "Input", shape: summary.inputShape, kind: .input)]
    var edges: [DiagramEdge] = []
    for row in summary.layers { visit(row, &nodes, &edges) }
    if nodes.count > 1 { nodes[nodes.count - 1].kind = nodes[nodes.count - 1].kind == .dense ? .output : nodes[nodes.count - 1].kind }
    return ArchitectureDiagram(title: "\(summary.typeName): \(Numbers.grouped(summary.totalParameters)) parameters",
                               nodes: nodes, edges: edges)
  }

  static func visit(_ row: LayerSummary, _ nodes: inout [DiagramNode], _ edges: inout [DiagramEdge]) {
    switch row.typeName {
    case "Sequential":
      for child in row.children { visit(child, &nodes, &edges) }
    case "Residual":
      let before = nodes.count - 1
      let inner = row.children.flatMap(\.flattened).filter { !$0.isContainer && !hidden.contains($0.typeName) }
      let detail = inner.prefix(4).map { short($0) }.joined(separator: " · ")
      nodes.append(DiagramNode(label: "Residual", detail: detail, shape: row.outputShape, kind: .conv))
      edges.append(DiagramEdge(from: before, to: nodes.count - 1, kind: .residual))
    case "SkipConcat":
      let before = nodes.count - 1
      for child in row.children { visit(child, &nodes, &edges) }
      nodes.append(DiagramNode(label: "Concat", shape: row.outputShape, kind: .concat))
      edges.append(DiagramEdge(from: before, to: nodes.count - 1, kind: .skip))
    default:
      if hidden.contains(row.typeName) { return }
      nodes.append(DiagramNode(label: row.typeName, detail: short(row), shape: row.outputShape, kind: kind(row.typeName)))
    }
  }

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

  /// `Conv2D(6, kernel: 5, activation: .tanh)` → `6, kernel: 5, .tanh`-like short text.
  static func short(_ row: LayerSummary) -> String {
    var code = row.code
    if let open = code.firstIndex(of: "("), code.hasSuffix(")") {
      code = String(code[code.index(after: open)..<code.index(before: code.endIndex)])
    }
    code = code.replacingOccurrences(of: "activation: ", with: "")
    return code.count > 28 ? String(code.prefix(27)) + "…" : code
  }
}
