import Display
import Lang
import TextFormat

/// `convolutionExplorer()`: CNN Explainer's hyperparameter view in the notebook. Sliders for
/// the input size W, the kernel size F, the padding P and the stride S; below them the padded
/// input grid (padding grey) with the kernel window at its first two positions, the output grid,
/// and the formula W' = (W − F + 2P)/S + 1 with the numbers filled in, in red when
/// (W − F + 2P)/S is not a whole number (the last columns are never visited) or the kernel is
/// larger than the padded input. Re-rendered by the runtime on every change (no cell code runs).
enum ConvolutionExplorer {
  static func make(_ manager: WidgetManager, input: Int, kernel: Int, padding: Int, stride: Int)
    -> WidgetValue
  {
    func slider(_ label: String, _ value: Int, _ low: Int, _ high: Int) -> WidgetValue {
      WidgetValue(
        .intSlider, manager: manager,
        state: [
          "value": .int(min(max(value, low), high)), "min": .int(low), "max": .int(high),
          "description": .string(label),
        ])
    }
    let sliders = [
      slider("input W", input, 1, 32), slider("kernel F", kernel, 1, 7),
      slider("padding P", padding, 0, 3), slider("stride S", stride, 1, 4),
    ]
    let view = WidgetValue(.html, manager: manager)
    let render = { [unowned manager, unowned view] in
      let v = sliders.map { $0.state["value"]?.intValue ?? 0 }
      try? manager.change(
        view, ["value": .string(html(input: v[0], kernel: v[1], padding: v[2], stride: v[3]))])
    }
    render()
    for control in sliders { control.changeHandlers.append(.native { _ in render() }) }
    let box = WidgetValue(.vbox, manager: manager)
    box.children = sliders + [view]
    return box
  }

  /// The formula line, with the numbers, and the warning when the stride does not fit.
  static func formula(input w: Int, kernel f: Int, padding p: Int, stride s: Int) -> (
    text: String, warning: String?
  ) {
    let span = w - f + 2 * p
    let working = "W' = (W − F + 2P)/S + 1 = (\(w) − \(f) + 2×\(p))/\(s) + 1"
    guard span >= 0 else {
      return (
        "\(working): no output", "the kernel (\(f)) is larger than the padded input (\(w + 2 * p))"
      )
    }
    let out = span / s + 1
    guard span % s != 0 else { return ("\(working) = \(out)", nil) }
    let columns = span % s == 1 ? "the last column is" : "the last \(span % s) columns are"
    return (
      "\(working) = \(span)/\(s) + 1 → \(out)",
      "(W − F + 2P)/S = \(span)/\(s) is not a whole number: \(columns) never visited"
    )
  }

  static func html(input w: Int, kernel f: Int, padding p: Int, stride s: Int) -> String {
    let (text, warning) = formula(input: w, kernel: f, padding: p, stride: s)
    var body = "<div style=\"font-family: monospace\"><div>\(Markup.escape(text))</div>"
    if let warning {
      body += "<div style=\"color: #d62728; font-weight: bold\">⚠ \(Markup.escape(warning))</div>"
    }
    body += grids(input: w, kernel: f, padding: p, stride: s) + "</div>"
    return body
  }

  /// The padded input (W + 2P cells a side) with the window at its first two positions, and
  /// the output (W' a side) with its first cell marked, side by side.
  static func grids(input w: Int, kernel f: Int, padding p: Int, stride s: Int) -> String {
    let cell = 12, side = w + 2 * p, out = max(0, (w - f + 2 * p) / s + 1)
    let gap = 40, width = side * cell + gap + max(out, 1) * cell + 2
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(max(side, out) * cell + 2)\">"
    for row in 0..<side {
      for column in 0..<side {
        let pad = row < p || column < p || row >= p + w || column >= p + w
        svg += rect(
          column * cell + 1, row * cell + 1, cell, cell, fill: pad ? "#e0e0e0" : "#ffffff")
      }
    }
    if f <= side {
      svg += window(1, 1, f * cell, dashed: false)
      if s + f <= side { svg += window(s * cell + 1, 1, f * cell, dashed: true) }
    }
    let x0 = side * cell + gap
    for row in 0..<out {
      for column in 0..<out {
        let first = row == 0 && column == 0, second = row == 0 && column == 1
        svg += rect(
          x0 + column * cell + 1, row * cell + 1, cell, cell,
          fill: first ? "#1f77b4" : second ? "#aec7e8" : "#ffffff")
      }
    }
    return svg + "</svg>"
  }

  private static func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, fill: String) -> String {
    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" fill=\"\(fill)\" stroke=\"#999\" stroke-width=\"0.5\"/>"
  }

  private static func window(_ x: Int, _ y: Int, _ size: Int, dashed: Bool) -> String {
    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(size)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\""
      + (dashed ? " stroke-dasharray=\"4 3\"/>" : "/>")
  }
}
