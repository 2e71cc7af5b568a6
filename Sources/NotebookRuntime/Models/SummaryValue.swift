import Display
import Lang
import NN
import TextFormat

/// `model.summary()`: NN's aligned text table as text/plain, an HTML table (with each layer's
/// activation memory per sample: its float32 output, kept for the backward pass), and the
/// output-size arithmetic of every convolution and pooling layer as text/latex (and under the
/// HTML table).
final class SummaryValue: RuntimeObject {
  let summary: ModelSummary

  init(_ summary: ModelSummary) { self.summary = summary }

  override var typeName: String { "Summary" }
  override var description: String { summary.text }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "parameterCount", type: "Int", doc: "Trainable parameters.") {
        .int(self.summary.totalParameters)
      },
      PropertySpec(name: "multAdds", type: "Int", doc: "Multiply-accumulates per sample.") {
        .int(self.summary.multAdds)
      },
      PropertySpec(name: "inputShape", type: "[Int]", doc: "The per-sample input shape.") {
        .ints(self.summary.inputShape)
      },
      PropertySpec(name: "outputShape", type: "[Int]", doc: "The per-sample output shape.") {
        .ints(self.summary.outputShape)
      },
      PropertySpec(name: "text", type: "String", doc: "The aligned text table.") {
        .string(self.summary.text)
      },
    ]
  }

  override func displayBundle() -> MimeBundle {
    var bundle = MimeBundle(plain: summary.text)
    bundle.add("text/html", html())
    if let latex = SummaryLatex.latex(summary) { bundle.add("text/latex", latex) }
    return bundle
  }

  func html() -> String {
    let header = ["Layer", "Output shape", "Param #", "Mult-adds", "Activations", "RF"]
    let rows = summary.rows.map { row -> [String] in
      let indent = String(repeating: "\u{00A0}\u{00A0}", count: max(0, row.depth - 1))
      let expanded = row.isContainer && !row.children.isEmpty
      return [
        indent + row.code,
        "\(row.outputShape)",
        expanded || row.parameters == 0 ? "–" : Numbers.grouped(row.parameters),
        expanded || row.multAdds == 0 ? "–" : Numbers.grouped(row.multAdds),
        expanded ? "–" : DiagramBuilder.bytes(DiagramBuilder.activationBytes([row])),
        row.receptiveField.map { "\($0)x\($0)" } ?? "–",
      ]
    }
    let caption = "\(summary.typeName): input \(summary.inputShape) → output \(summary.outputShape)"
    var html = HTML.table(header: header, rows: rows, numeric: [2, 3, 4], caption: caption)
    html += "<p>Total parameters: <b>\(Numbers.grouped(summary.totalParameters))</b>"
    html += " · mult-adds: <b>\(Numbers.grouped(summary.multAdds))</b>"
    html +=
      " · activations: <b>\(DiagramBuilder.bytes(DiagramBuilder.activationBytes(summary.layers)))</b> per sample</p>"
    let lines = SummaryLatex.textLines(summary)
    if !lines.isEmpty {
      html += "<details open><summary>Output-size arithmetic</summary><pre>"
      html += lines.map(Markup.escape).joined(separator: "\n") + "</pre></details>"
    }
    return html
  }
}

/// The output-size arithmetic of a summary as text lines and as LaTeX.
enum SummaryLatex {
  /// Layers with arithmetic, one line per spatial axis that differs (height only when square).
  static func entries(_ summary: ModelSummary) -> [(label: String, arithmetic: SizeArithmetic)] {
    summary.rows.flatMap { row -> [(label: String, arithmetic: SizeArithmetic)] in
      let axes = row.arithmetic
      let distinct =
        axes.count == 2 && axes[0].input == axes[1].input && axes[0].filter == axes[1].filter
        ? [axes[0]] : axes
      return distinct.map { ("\(row.typeName) \(row.depth)-\(row.index)", $0) }
    }
  }

  static func textLines(_ summary: ModelSummary) -> [String] {
    entries(summary).map { "\($0.label): \($0.arithmetic.text)" }
  }

  static func latex(_ summary: ModelSummary) -> String? {
    let items = entries(summary)
    guard !items.isEmpty else { return nil }
    let lines = items.prefix(40).map { label, a in
      "\\text{\(escape(label))}: & \\quad " + formula(a)
    }
    return "$$\\begin{aligned}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{aligned}$$"
  }

  /// `W' = \frac{32 - 5 + 2\cdot 0}{1} + 1 = 28` (floored when the stride does not divide).
  static func formula(_ a: SizeArithmetic) -> String {
    let axis = a.axis
    switch a.kind {
    case .transposed:
      return
        "\(axis)' = (\(a.input) - 1)\\cdot \(a.stride) - 2\\cdot \(a.padding) + \(a.filter) = \(a.output)"
    case .sliding:
      let fraction = "\\frac{\(a.input) - \(a.filter) + 2\\cdot \(a.padding)}{\(a.stride)}"
      let body = a.isFloored ? "\\left\\lfloor \(fraction) \\right\\rfloor" : fraction
      return "\(axis)' = \(body) + 1 = \(a.output)"
    }
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\textbackslash{}"
      case "{", "}", "$", "&", "#", "_", "%": result += "\\" + String(character)
      case "^": result += "\\^{}"
      case "~": result += "\\~{}"
      default: result.append(character)
      }
    }
    return result
  }
}
