/// The SVG of `PoolingExplorer`: the input grid with the pooling window at output cell
/// `current` (red frame, its cells tinted), and the max-pooled and average-pooled outputs filled
/// in up to that cell (the current one yellow), each grid under its title.
enum PoolingFigure {
  static let cell = 34, gap = 44, top = 22

  static func svg(_ grid: [[Double]], size k: Int, stride s: Int, current: Int?) -> String {
    let n = grid.count, out = PoolingExplorer.outputSide(n, k, s)
    let input = "input \(n)×\(n)"
    let outputX = max(n * cell, textWidth(input)) + gap
    let averageX = outputX + max(out * cell, textWidth("max pool")) + gap
    let width = averageX + max(out * cell, textWidth("average pool")) + 2,
      height = top + max(n, out) * cell + 2
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "font-family=\"monospace\" font-size=\"14\">"
    svg += title(1, input) + title(outputX, "max pool") + title(averageX, "average pool")
    let window = current.map { (row: $0 / out * s, column: $0 % out * s) }
    for r in 0..<n {
      for c in 0..<n {
        let inside =
          window.map { r >= $0.row && r < $0.row + k && c >= $0.column && c < $0.column + k }
          ?? false
        svg += box(
          1 + c * cell, top + r * cell, fill: inside ? "#fde0dd" : "#ffffff",
          text: PoolingExplorer.number(grid[r][c]))
      }
    }
    if let window {
      svg +=
        "<rect x=\"\(1 + window.column * cell)\" y=\"\(top + window.row * cell)\" width=\"\(k * cell)\" "
        + "height=\"\(k * cell)\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"3\"/>"
    }
    for index in 0..<(out * out) {
      let (r, c) = (index / out, index % out)
      let done = current.map { index <= $0 } ?? false
      let fill = index == current ? "#ffe08a" : done ? "#e8f0fb" : "#ffffff"
      let values = PoolingExplorer.window(grid, size: k, stride: s, row: r, column: c)
      let maxText = done ? PoolingExplorer.number(values.max() ?? 0) : ""
      let meanText = done ? PoolingExplorer.number(values.reduce(0, +) / Double(values.count)) : ""
      svg += box(outputX + c * cell, top + r * cell, fill: fill, text: maxText)
      svg += box(averageX + c * cell, top + r * cell, fill: fill, text: meanText)
    }
    return svg + "</svg>"
  }

  /// The width of `text` in 14 px monospace (0.6 em a character), in pixels.
  private static func textWidth(_ text: String) -> Int { text.count * 9 }

  private static func title(_ x: Int, _ text: String) -> String {
    "<text x=\"\(x)\" y=\"15\" fill=\"#333\">\(text)</text>"
  }

  private static func box(_ x: Int, _ y: Int, fill: String, text: String) -> String {
    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(fill)\" stroke=\"#999\" stroke-width=\"1\"/>"
      + (text.isEmpty
        ? ""
        : "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 5)\" text-anchor=\"middle\" fill=\"#222\">\(text)</text>")
  }
}
