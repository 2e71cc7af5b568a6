import Cancellation
import Display
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// `%precision N` in text, tables and summaries (per session), and `t.heatmap()` as SVG + PNG.
@Suite struct TensorDisplayTests {
  @Test func precisionChangesTextTablesAndSummariesOfItsSessionOnly() throws {
    let session = NotebookRuntime.makeSession()
    let other = NotebookRuntime.makeSession()
    let before = try resultBundle(["Tensor([[1.23456, 2.5], [0.125, 3]])"], session: session)
    #expect(before.plainText == "[[1.2346,    2.5],\n [ 0.125,     3.]]")
    let after = try resultBundle(
      ["%precision 2", "Tensor([[1.23456, 2.5], [0.125, 3]])"], session: session)
    #expect(after.plainText == "[[1.23,  2.5],\n [0.13,   3.]]")
    #expect(after.data["text/html"]?.contains(">1.23<") == true)
    #expect(
      try resultBundle(["Tensor([1.0 / 3, 2]).describe()"], session: session).plainText.contains(
        "mean   1.17"))
    #expect(try resultBundle(["Tensor([1.23456])"], session: other).plainText == "[1.2346]")
    #expect(
      try resultBundle(["%precision", "Tensor([1.23456])"], session: session).plainText
        == "[1.2346]")
    let wrong = session.execute(
      "%precision many", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(
      wrong.error?.plainText.hasPrefix(
        "ValueError: %precision expects a whole number of decimals in 0...10, got 'many'") == true)
  }

  @Test func heatmapIsAFigureWithSVGAndPNG() throws {
    let bundle = try resultBundle([
      "Tensor([[1, -2.5, 3], [0.25, 5, -6]]).heatmap(title: \"Weights\", colorMap: .diverging)"
    ])
    #expect(bundle.plainText == "Tensor [2, 3] (heatmap): min -6, max 5, mean 0.125")
    #expect(isPNG(bundle.data["image/png"]))
    let svg = try #require(bundle.data["image/svg+xml"])
    #expect(svg.contains("Weights") && svg.contains(">-2.5<"))
    let session = NotebookRuntime.makeSession()
    let tooLarge = session.execute(
      "Tensor.zeros([300, 2]).heatmap()", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(
      tooLarge.error?.plainText.hasPrefix(
        "ValueError: heatmap draws at most 256×256 values, got 300×2") == true)
    let wrongRank = session.execute(
      "Tensor.zeros([2, 2, 2]).heatmap()", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(
      wrongRank.error?.plainText.hasPrefix(
        "ShapeError: heatmap needs a 2-D tensor [rows, columns], got shape [2, 2, 2]") == true)
  }

  /// The strings of an SVG's text elements, in order.
  func svgTexts(_ svg: String) -> [String] {
    svg.components(separatedBy: "</text>").dropLast().compactMap {
      $0.components(separatedBy: ">").last
    }
  }

  @Test func signedValuesGetAZeroCentredDivergingMapByDefault() throws {
    let signed = try #require(
      try resultBundle(["Tensor([[1, -2.5, 3], [0.25, 5, -6]]).heatmap(showValues: false)"])
        .data["image/svg+xml"])
    // Limits ±6: -6 is the blue end, 0 is labelled in the middle of the bar.
    #expect(signed.contains("\"#2166ac\""))
    #expect(Array(svgTexts(signed).suffix(3)) == ["6", "-6", "0"])
    let chosen = try #require(
      try resultBundle([
        "Tensor([[1, -2.5, 3], [0.25, 5, -6]]).heatmap(colorMap: .viridis, showValues: false)"
      ])
      .data["image/svg+xml"])
    #expect(!chosen.contains("\"#2166ac\"") && chosen.contains("\"#440154\""))
    #expect(Array(svgTexts(chosen).suffix(2)) == ["5", "-6"])
    let positive = try #require(
      try resultBundle(["Tensor([[0, 1], [2, 3]]).heatmap(showValues: false)"]).data[
        "image/svg+xml"])
    #expect(positive.contains("\"#440154\"") && positive.contains("\"#fde725\""))
    #expect(Array(svgTexts(positive).suffix(2)) == ["3", "0"])
    let unknown = NotebookRuntime.makeSession().execute(
      "Tensor([[1, -1]]).heatmap(colorMap: .rainbow)", sink: RecordingSink(),
      cancellation: CancellationToken())
    #expect(
      unknown.error?.plainText.hasPrefix("ValueError: heatmap has no colour map .rainbow") == true)
  }
}
