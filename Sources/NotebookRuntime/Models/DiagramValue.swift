import Display
import Foundation
import Lang
import NN
import Plot

/// `model.diagram(input:depth:)`: the architecture drawn, at most 1,000 units wide. A chain of
/// blocks (LeNet-figure style) wrapping into rows, repeated blocks collapsed into stages at depth 1
/// and opened at depth 2 and 3, residual shortcuts drawn; a U-Net as a U. A model whose shapes do
/// not fit is drawn up to the failing layer, marked red with the error. SVG (with each block's
/// parameters, mult-adds and activation memory as a hover) + PNG.
final class DiagramValue: RuntimeObject {
  let figure: any Figure
  /// "Input 1x32x32 → Conv2D 6x28x28 → …", the plain-text form.
  let text: String

  init(_ summary: ModelSummary, depth: Int = 1, failure: DiagramFailure? = nil) {
    if failure == nil, let u = UNetDiagramBuilder.diagram(summary) {
      figure = u
      text =
        u.levels.flatMap { $0.encoder }.map(DiagramValue.step).joined(separator: " → ")
        + " ↑ "
        + u.levels.reversed().flatMap { $0.decoder }.map(DiagramValue.step).joined(separator: " → ")
    } else {
      let chain = DiagramBuilder.diagram(summary, depth: depth, failure: failure)
      figure = chain
      text = chain.nodes.map(DiagramValue.step).joined(separator: " → ")
    }
  }

  static func step(_ node: DiagramNode) -> String {
    "\(node.label) \(ArchitectureDiagram.shapeText(node.shape))"
      + (node.error.map { " ✗ \($0)" } ?? "")
  }

  override var typeName: String { "Diagram" }

  override var description: String { text }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "save", parameters: [P.positional("path", "String")], returns: nil,
        doc: "Writes the drawing to .svg or .png."
      ) { a in
        try FigureFiles.write(self.figure, to: try a.string("path"))
        return .void
      }
    ]
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(figure, plain: description) }

  /// The diagram of `layer` for `input`: its full summary, or, when its shapes do not fit, the
  /// summary of the layers before the failing one and the failure.
  static func make(_ layer: Layer, input: [Int]?, depth: Int) throws -> DiagramValue {
    guard depth >= 1 else {
      throw HostError("ValueError", "diagram(depth:) needs a depth of 1 or more, got \(depth)")
    }
    do {
      return DiagramValue(try layer.summary(input: input, depth: 64), depth: depth)
    } catch let error as ShapeError {
      guard let sequential = layer as? Sequential, let shape = input ?? sequential.inputShape else {
        throw error
      }
      let children = sequential.children
      for count in stride(from: children.count - 1, through: 0, by: -1) {
        let prefix = Sequential(layers: Array(children.prefix(count)))
        guard let summary = try? prefix.summary(input: shape, depth: 64) else { continue }
        let failing = children[count]
        let failure = DiagramFailure(
          label: failing.typeName, detail: DiagramBuilder.short(code: failing.description),
          message: error.message)
        var named = summary
        named.typeName = sequential.typeName
        return DiagramValue(named, depth: depth, failure: failure)
      }
      throw error
    }
  }
}

/// The layer where a model stops fitting, and why.
struct DiagramFailure {
  let label: String
  let detail: String
  let message: String
}
