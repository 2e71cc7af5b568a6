import Foundation

extension ModelSummary {
  /// A plain-text table aligned like torchinfo's: one row per layer (tree-indented), the output
  /// shape with a batch of 1, parameters, mult-adds and receptive field, then the totals and the
  /// output-size arithmetic of every convolution and pooling layer.
  public var text: String {
    let rule = String(repeating: "=", count: SummaryColumns.total)
    var lines = [
      rule,
      SummaryColumns.row(
        "Layer (type:depth-idx)", "Output Shape", "Param #",
        "Mult-Adds", "RF"), rule,
    ]
    lines.append(SummaryColumns.row(typeName, batchShape(outputShape), "--", "--", "--"))
    lines += rows.map(tableRow)
    lines += [rule] + totalLines + [rule] + memoryLines + [rule]
    let arithmetic = arithmeticLines
    if !arithmetic.isEmpty { lines += ["Output-size arithmetic"] + arithmetic + [rule] }
    return lines.joined(separator: "\n")
  }

  private func tableRow(_ row: LayerSummary) -> String {
    let tree =
      row.depth <= 1
      ? "├─" : String(repeating: "│    ", count: row.depth - 1) + "└─"
    let label = tree + rowLabel(row) + ": \(row.depth)-\(row.index)"
    let expanded = row.isContainer && !row.children.isEmpty
    let params = expanded || row.parameters == 0 ? "--" : grouped(row.parameters)
    let macs = expanded || row.multAdds == 0 ? "--" : grouped(row.multAdds)
    let field = row.receptiveField.map { "\($0)x\($0)" } ?? "--"
    return SummaryColumns.row(label, batchShape(row.outputShape), params, macs, field)
  }

  private var totalLines: [String] {
    let (unit, scale) = multAdds >= 1_000_000_000 ? ("G", 1e9) : ("M", 1e6)
    var lines = [
      "Total params: \(grouped(totalParameters))",
      "Trainable params: \(grouped(trainableParameters))",
      "Non-trainable params: 0",
    ]
    if buffers > 0 { lines.append("Buffers (running statistics): \(grouped(buffers))") }
    lines.append("Total mult-adds (\(unit)): " + String(format: "%.2f", Double(multAdds) / scale))
    return lines
  }

  private var memoryLines: [String] {
    func megabytes(_ bytes: Int) -> String { String(format: "%.2f", Double(bytes) / 1e6) }
    return [
      "Input size (MB): \(megabytes(inputBytes))",
      "Forward/backward pass size (MB): \(megabytes(trainingActivationBytes))",
      "Params size (MB): \(megabytes(parameterBytes))",
      "Estimated Total Size (MB): "
        + megabytes(inputBytes + trainingActivationBytes + parameterBytes),
      "Inference activations, peak (MB): \(megabytes(inferenceActivationBytes))",
    ]
  }

  private var arithmeticLines: [String] {
    let shown = rows.filter { !$0.arithmetic.isEmpty }
    let labels = shown.map { rowLabel($0) + ": \($0.depth)-\($0.index)" }
    let width = (labels.map(\.count).max() ?? 0) + 2
    return zip(labels, shown).flatMap { label, row in
      row.arithmetic.enumerated().map { position, axis in
        let head = position == 0 ? label : ""
        return head.padding(toLength: width, withPad: " ", startingAt: 0) + axis.text
      }
    }
  }

  private func rowLabel(_ row: LayerSummary) -> String {
    row.name.map { "\(row.typeName) (\($0))" } ?? row.typeName
  }
}

/// Column widths of the text summary (the first two as torchinfo's); rules span their sum.
enum SummaryColumns {
  static let widths = [40, 25, 15, 18, 9]
  static var total: Int { widths.reduce(0, +) }

  /// Cells padded to their widths and followed by one space (as torchinfo's rows), trailing
  /// spaces removed.
  static func row(_ cells: String...) -> String {
    var line = ""
    for (cell, width) in zip(cells, widths) {
      line += cell + String(repeating: " ", count: max(width - cell.count, 0) + 1)
    }
    while line.last == " " { line.removeLast() }
    return line
  }
}

/// `[1, 6, 28, 28]`: a per-sample shape shown with a batch of one, as torchinfo does.
func batchShape(_ shape: [Int]) -> String { shapeText([1] + shape) }

/// `61706` → `61,706`.
func grouped(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (offset, character) in digits.enumerated() {
    if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
    result.append(character)
  }
  return value < 0 ? "-" + result : result
}
