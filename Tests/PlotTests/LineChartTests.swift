import Graphics
import Testing

@testable import Plot

@Test func lineChartSVGHasOneLinePerSeriesAndALegend() throws {
  let chart = LineChart(
    title: "loss", xLabel: "batch", yLabel: "value",
    series: [
      LineChart.Series(name: "train", y: [3, 2, 1.5, 1.2]),
      LineChart.Series(name: "val", y: [3.2, 2.5, 2.2, 2.4], dashed: true),
    ])
  let document = try #require(SVGDocument.parse(chart.svg()))
  let lines = document.all("polyline").filter { $0.attributes["stroke-width"] == "2" }
  #expect(lines.count == 2)
  #expect(lines[0].attributes["stroke"] == Theme.color(0).hexString)
  #expect(lines[1].attributes["stroke-dasharray"] == "6,4")
  for label in ["loss", "batch", "value", "train", "val"] {
    #expect(document.texts.contains(label), "missing \(label)")
  }
}

@Test func nonFiniteValuesBreakTheLine() {
  let chart = LineChart(series: [LineChart.Series(y: [1, 2, .nan, 3, 4])])
  let polylines = chart.scene().elements.filter {
    if case .polyline(_, let style) = $0 { return style.strokeWidth == 2 }
    return false
  }
  #expect(polylines.count == 2)
}

@Test func extremaMarksShowTheMinimumAndMaximum() {
  let chart = LineChart(series: [LineChart.Series(y: [0.9, 0.4, 0.25, 0.3], marks: [.min, .max])])
  let strings = texts(in: chart.scene().elements).map(\.string)
  #expect(strings.contains("min 0.25"))
  #expect(strings.contains("max 0.9"))
}

@Test func perBatchSeriesSitOnAnEpochAxis() {
  let series = LineChart.Series.perBatch(values: [1, 2, 3, 4], batchesPerEpoch: 2)
  #expect(series.x == [0.5, 1, 1.5, 2])
}

@Test func thinningKeepsSpikesAndEnds() {
  var points = (0..<5000).map { Point(Double($0) / 50, 1) }
  points[2501].y = 99
  let thin = LineChart.thinned(points)
  #expect(thin.count < 500)
  #expect(thin.contains { $0.y == 99 })
  #expect(thin.first == points.first && thin.last == points.last)
}

@Test func anEmptyChartSaysSo() {
  let chart = LineChart(series: [LineChart.Series(name: "loss", y: [])])
  #expect(texts(in: chart.scene().elements).map(\.string).contains("no data yet"))
}

@Test func ticksLabelsDoNotOverlap() {
  let chart = LineChart(series: [LineChart.Series(x: [0, 123_456_789], y: [0, 1])], width: 300)
  let labels = texts(in: chart.scene().elements).filter {
    $0.fontSize == 11 && $0.anchor == .middle
  }
  let sorted = labels.sorted { $0.position.x < $1.position.x }
  for (a, b) in zip(sorted, sorted.dropFirst()) where a.position.y == b.position.y {
    let widths = [a, b].map { TextMetrics.width(of: $0.string, fontSize: 11) }
    let half = (widths[0] + widths[1]) / 2
    #expect(b.position.x - a.position.x >= half, "\(a.string) overlaps \(b.string)")
  }
}
