import Graphics
import Testing

@testable import Plot

@Test func barChartDrawsOneBarPerCategoryWithValues() throws {
  let chart = BarChart(categories: ["a", "b", "c"], values: [1, 4, 2])
  let document = try #require(SVGDocument.parse(chart.svg()))
  let bars = document.all("rect").filter { $0.attributes["fill"] == Theme.color(0).hexString }
  #expect(bars.count == 3)
  let heights = bars.compactMap { Double($0.attributes["height"] ?? "") }
  #expect(heights[1] > heights[2] && heights[2] > heights[0])
  #expect(["a", "b", "c", "1", "4", "2"].allSatisfy(document.texts.contains))
}

@Test func logBarChartsSkipNonPositiveValuesAndSayWhy() {
  let chart = BarChart(yScale: .log, categories: ["conv1", "fc"], values: [0, 1e-3])
  let scene = chart.scene()
  #expect(texts(in: scene.elements).map(\.string).contains("<= 0"))
  let bars = scene.elements.filter {
    if case .rectangle(_, _, let style) = $0 { return style.fill == Theme.color(0) }
    return false
  }
  #expect(bars.count == 1)
}

@Test func longCategoryNamesTurnAndStayOnTheCanvas() {
  let names = (1...12).map { "features.block\($0).conv.weight" }
  let chart = BarChart(categories: names, values: names.indices.map { Double($0 + 1) })
  let labels = texts(in: chart.scene().elements).filter { $0.rotation == BarChart.rotation }
  #expect(labels.count == 12)
  let first = try? #require(labels.first)
  let reach = TextMetrics.width(of: first?.string ?? "", fontSize: 11) * 0.766
  #expect((first?.position.x ?? 0) - reach >= 0)
}

@Test func confusionMatrixShowsCountsAndLabels() throws {
  let map = Heatmap.confusionMatrix(counts: [[50, 2], [7, 41]], classNames: ["cat", "<dog>"])
  let svg = map.svg()
  #expect(svg.contains("&lt;dog&gt;") && !svg.contains("<dog>"))
  let document = try #require(SVGDocument.parse(svg))
  for text in ["50", "2", "7", "41", "cat", "<dog>", "predicted", "actual"] {
    #expect(document.texts.contains(text), "missing \(text)")
  }
  let strings = texts(in: map.scene().elements)
  let fifty = try #require(strings.first { $0.string == "50" })
  let two = try #require(strings.first { $0.string == "2" })
  #expect(fifty.color == .white && two.color != .white)
}

@Test func raggedHeatmapRowsDoNotCrash() {
  let map = Heatmap(values: [[1, 2, 3], [4], []], showValues: true)
  #expect(texts(in: map.scene().elements).map(\.string).contains("4"))
}

@Test func aFiveByFiveFilterIsEnlargedByAWholeFactor() throws {
  let pixels = (0..<25).map { Double($0) }
  let grid = ImageGrid(tiles: [ImageGrid.Tile(pixels: pixels, width: 5, height: 5)], tileSize: 64)
  let (bitmap, frame) = try #require(images(in: grid.scene().elements).first)
  #expect(bitmap.width == 60 && bitmap.height == 60)
  #expect(frame.width == 60 && frame.height == 60)
  #expect(bitmap.color(x: 0, y: 0) == .black && bitmap.color(x: 11, y: 11) == .black)
  #expect(bitmap.color(x: 59, y: 59) == .white)
  #expect(bitmap.color(x: 12, y: 0) == ColorMap.gray.color(at: 1.0 / 24))
}

@Test func symmetricNormalisationPutsZeroInTheMiddle() throws {
  let tile = ImageGrid.Tile(pixels: [-2, 0, 1, 2], width: 2, height: 2)
  let grid = ImageGrid(tiles: [tile], normalization: .symmetric, colorMap: .diverging)
  let (bitmap, _) = try #require(images(in: grid.scene().elements).first)
  let factor = bitmap.width / 2
  #expect(bitmap.color(x: factor, y: 0) == ColorMap.diverging.color(at: 0.5))
  #expect(texts(in: grid.scene().elements).map(\.string).contains("-2"))
}

@Test func tilesWithTheWrongPixelCountAreMarkedNotDrawn() {
  let grid = ImageGrid(tiles: [ImageGrid.Tile(pixels: [1, 2, 3], width: 2, height: 2)])
  #expect(images(in: grid.scene().elements).filter { $0.0.width > 1 }.isEmpty)
  #expect(texts(in: grid.scene().elements).map(\.string).contains("bad size"))
}

@Test func rgbTilesArePlanarChannels() throws {
  let tile = ImageGrid.Tile(pixels: [1, 0, 0, 0, 0, 1], width: 2, height: 1, channels: 3)
  let grid = ImageGrid(tiles: [tile], normalization: .shared, tileSize: 8)
  let (bitmap, _) = try #require(images(in: grid.scene().elements).first)
  #expect(bitmap.color(x: 0, y: 0) == .red)
  #expect(bitmap.color(x: bitmap.width - 1, y: 0) == .blue)
}

@Test func hugeInputsStayBounded() {
  let wide = LineChart(series: [LineChart.Series(x: [-1e308, 1e308], y: [-1e308, 1e308])])
  #expect(texts(in: wide.scene().elements).count < 40)
  let log = LineChart(yScale: .log, series: [LineChart.Series(y: [1e-320, 1e308])])
  #expect(SVGDocument.parse(log.svg()) != nil)
  let big = Heatmap(values: Array(repeating: Array(repeating: 1, count: 300), count: 300))
  #expect(big.scene().width < 1200 && big.cellSize >= 2)
  let many = ImageGrid(
    tiles: Array(
      repeating: ImageGrid.Tile(pixels: [0, 1, 2, 3], width: 2, height: 2),
      count: 1000))
  #expect(images(in: many.scene().elements).count == ImageGrid.maxTiles + 1)  // + colour bar
  #expect(texts(in: many.scene().elements).map(\.string).contains("(first 128 of 1000)"))
}

@Test func theRasteriserCapsItsBitmapSize() {
  let scene = Scene(width: 100_000, height: 100_000)
  let bitmap = Rasterizer(scale: 2).render(scene)
  #expect(Double(bitmap.width * bitmap.height) <= Rasterizer.maxPixels * 1.01)
}

@Test func rowShareColoursShowRecallButKeepTheCounts() throws {
  let counts: [[Double]] = [[900, 100], [5, 5]]
  let plain = Heatmap(values: counts)
  let shared = Heatmap(values: counts, colorByRowShare: true)
  func fill(_ map: Heatmap, _ label: String) throws -> Color? {
    let index = try #require(
      map.scene().elements.firstIndex {
        if case .text(let text) = $0 { return text.string == label }
        return false
      })
    if case .rectangle(_, _, let style) = map.scene().elements[index - 1] { return style.fill }
    return nil
  }
  // 5 of 10 is half of its row: mid colour with row shares, nearly blank by raw count.
  #expect(try fill(shared, "5") == ColorMap.blues.color(at: 0.5))
  #expect(try fill(plain, "5") == ColorMap.blues.color(at: 0))
  #expect(texts(in: shared.scene().elements).map(\.string).contains("share of row"))
}

@Test func aCentredHeatmapPutsZeroAtTheNeutralColourAndLabelsTheBarSymmetrically() throws {
  // Largest magnitude 4 (negative): limits ±4, so 0 is the middle, −4 and +4 the two ends.
  let map = Heatmap(
    values: [[-4, 0], [2, 4]], showValues: false, colorMap: .diverging, centeredAtZero: true)
  let scene = map.scene()
  let fills = scene.elements.compactMap { element -> Color? in
    if case .rectangle(_, _, let style) = element, style.fill != nil, style.stroke == map.separator
    {
      return style.fill
    }
    return nil
  }
  #expect(fills.count == 4 && map.separator == Color(hex: 0xCCCCCC))  // white would read as 0
  #expect(ColorMap.diverging.color(at: 0) == Color(hex: 0x2166AC))  // blue
  #expect(ColorMap.diverging.color(at: 0.5) == Color(hex: 0xF7F7F7))  // near white
  #expect(ColorMap.diverging.color(at: 1) == Color(hex: 0xB2182B))  // red
  #expect(fills[0] == Color(hex: 0x2166AC))
  #expect(fills[1] == Color(hex: 0xF7F7F7))
  #expect(fills[2] == ColorMap.diverging.color(at: 0.75))
  #expect(fills[3] == Color(hex: 0xB2182B))
  // The colour bar: 4 at the top, 0 in the middle, -4 at the bottom.
  let labels = texts(in: scene.elements)
  #expect(labels.map(\.string) == ["4", "-4", "0"])
  let (top, bottom, middle) = (labels[0].position.y, labels[1].position.y, labels[2].position.y)
  #expect(top < middle && middle < bottom)
  #expect(abs((middle - top) - (bottom - middle)) < 0.01)
  let (bar, frame) = try #require(images(in: scene.elements).first)
  #expect(bar.color(x: 0, y: 0) == Color(hex: 0xB2182B))
  #expect(bar.color(x: 0, y: bar.height - 1) == Color(hex: 0x2166AC))
  // baseline below centre
  #expect(abs(frame.center.y + TextMetrics.capHeight * 10 / 2 - middle) < 0.01)
}

@Test func anUncentredHeatmapSpansItsOwnRange() {
  let map = Heatmap(values: [[-1, 3]], showValues: false, colorMap: .viridis)
  #expect(texts(in: map.scene().elements).map(\.string) == ["3", "-1"])
}
