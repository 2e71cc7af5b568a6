import Display
import Foundation
import Lang
import TextFormat

/// `poolingExplorer(x)`: max and average pooling of a small grid (the lecture's 4×4 by default),
/// side by side. Sliders for the window size K and the stride S; a Play widget (linked in the
/// front end to the step slider) walks the window across the input one output cell at a time;
/// the window is highlighted on the input, both outputs fill in up to the current cell, and the
/// line below spells out `max(…)` and the average of the window. Re-rendered by the runtime on
/// every change (no cell code runs).
enum PoolingExplorer {
  /// The lecture's 4×4 example (rows of the input).
  static let lecture: [[Double]] = [[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]]

  static func make(_ manager: WidgetManager, grid: [[Double]], size: Int, stride: Int) throws
    -> WidgetValue
  {
    func slider(_ label: String, _ value: Int, _ high: Int) -> WidgetValue {
      WidgetValue(
        .intSlider, manager: manager,
        state: [
          "value": .int(min(max(value, 1), high)), "min": 1, "max": .int(high),
          "description": .string(label),
        ])
    }
    let n = grid.count
    let window = slider("window K", size, n), strideSlider = slider("stride S", stride, n)
    let step = WidgetValue(
      .intSlider, manager: manager, state: ["value": 0, "min": 0, "max": 0, "description": "step"])
    let play = WidgetValue(
      .play, manager: manager, state: ["value": 0, "min": 0, "max": 0, "interval": 700])
    let link = WidgetValue(
      .link, manager: manager,
      state: [
        "source": [.string("IPY_MODEL_" + play.id), "value"],
        "target": [.string("IPY_MODEL_" + step.id), "value"],
      ])
    link.children = [play, step]
    let view = WidgetValue(.html, manager: manager)
    let render = { [unowned manager, unowned view] in
      let (k, s) = (
        window.state["value"]?.intValue ?? 1, strideSlider.state["value"]?.intValue ?? 1
      )
      let cells = outputSide(n, k, s) * outputSide(n, k, s)
      for control in [step, play] where control.state["max"]?.intValue != max(cells - 1, 0) {
        try? manager.change(control, ["max": .int(max(cells - 1, 0))])
      }
      let current = step.state["value"]?.intValue ?? 0
      try? manager.change(view, ["value": .string(html(grid, size: k, stride: s, step: current))])
    }
    render()
    for control in [window, strideSlider, step] {
      control.changeHandlers.append(.native { _ in render() })
    }
    let controls = WidgetValue(.hbox, manager: manager)
    controls.children = [play, step]
    let box = WidgetValue(.vbox, manager: manager)
    box.children = [window, strideSlider, controls, view]
    box.companions = [link]
    return box
  }

  static func register(_ r: Registrar, _ m: WidgetManager) {
    r.add(
      "poolingExplorer",
      [
        P.positional("x", "Tensor?", default: .null), P.labelled("size", "Int", default: .int(2)),
        P.labelled("stride", "Int", default: .int(2)),
      ],
      returns: "VBox",
      doc:
        "Max and average pooling of a square grid (the lecture's 4×4 by default, at most 12×12) side by side: window K and stride S sliders, a Play that walks the window across the input, the outputs filling in, and max(…) and the average of the window spelled out.",
      example:
        "poolingExplorer(Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]]), size: 2, stride: 2)",
      isType: false
    ) { a in
      var grid = PoolingExplorer.lecture
      if let tensor = a["x"].host(as: TensorValue.self)?.tensor {
        let shape =
          tensor.shape.count == 3 && tensor.shape[0] == 1
          ? Array(tensor.shape.dropFirst()) : tensor.shape
        guard shape.count == 2, shape[0] == shape[1], (2...12).contains(shape[0]) else {
          throw HostError(
            "ValueError",
            "poolingExplorer expects a square grid [N, N] with 2 ≤ N ≤ 12, got shape \(tensor.shape)"
          )
        }
        let values = tensor.scalars.map { Double($0) }
        guard values.allSatisfy(\.isFinite) else {
          throw HostError("ValueError", "poolingExplorer: the grid holds NaN or infinity")
        }
        grid = (0..<shape[0]).map { row in Array(values[row * shape[0]..<(row + 1) * shape[0]]) }
      } else if !a.isNil("x") {
        throw HostError("TypeError", "poolingExplorer expects a Tensor, got \(a["x"].typeName)")
      }
      return .host(
        try PoolingExplorer.make(
          m, grid: grid, size: try a.int("size"), stride: try a.int("stride")))
    }
  }

  /// Output cells a side: ⌊(N − K)/S⌋ + 1 (0 when the window is larger than the input).
  static func outputSide(_ n: Int, _ k: Int, _ s: Int) -> Int { k > n ? 0 : (n - k) / s + 1 }

  /// The values under the window of output cell (row, column).
  static func window(_ grid: [[Double]], size k: Int, stride s: Int, row: Int, column: Int)
    -> [Double]
  {
    (0..<k).flatMap { r in (0..<k).map { c in grid[row * s + r][column * s + c] } }
  }

  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.3g", x)
  }

  /// The explanation line and the SVG of the input and both outputs at output cell `step`.
  static func html(_ grid: [[Double]], size k: Int, stride s: Int, step: Int) -> String {
    let n = grid.count, out = outputSide(n, k, s)
    var lines = ["N' = ⌊(N − K)/S⌋ + 1 = ⌊(\(n) − \(k))/\(s)⌋ + 1 = \(out)"]
    var warning: String?
    if out > 0, (n - k) % s != 0 {
      warning =
        "(N − K)/S = \(n - k)/\(s) is not a whole number: the last \((n - k) % s) row(s) and column(s) are never pooled"
    }
    let current = out == 0 ? nil : min(max(step, 0), out * out - 1)
    if let current {
      let (row, column) = (current / out, current % out)
      let values = window(grid, size: k, stride: s, row: row, column: column)
      let mean = values.reduce(0, +) / Double(values.count)
      let listed = values.map(number).joined(separator: ", ")
      lines.append(
        "cell (\(row), \(column)): max(\(listed)) = \(number(values.max() ?? 0)); "
          + "average = \(number(values.reduce(0, +)))/\(values.count) = \(number(mean))")
    }
    var body = "<div style=\"font-family: monospace\">"
    body += lines.map { "<div>\(Markup.escape($0))</div>" }.joined()
    if let warning {
      body += "<div style=\"color: #d62728; font-weight: bold\">⚠ \(Markup.escape(warning))</div>"
    }
    return body + PoolingFigure.svg(grid, size: k, stride: s, current: current) + "</div>"
  }
}
