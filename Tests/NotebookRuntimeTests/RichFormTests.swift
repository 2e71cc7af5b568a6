import Cancellation
import Display
import Foundation
import Lang
import NotebookRuntime
import Testing
import TextFormat

/// Runs cells in one session and returns the last cell's result bundle.
func resultBundle(_ cells: [String], session: Session = NotebookRuntime.makeSession()) throws
  -> MimeBundle
{
  var last: CellResult?
  for cell in cells {
    last = session.execute(cell, sink: RecordingSink(), cancellation: CancellationToken())
    if let error = last?.error { Issue.record(Comment(rawValue: error.plainText)) }
  }
  return try #require(last?.value)
}

/// Whether base64 text decodes to a PNG (its signature).
func isPNG(_ base64: String?) -> Bool {
  guard let base64, let bytes = Base64.decode(base64), bytes.count > 8 else { return false }
  return Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

struct RichFormTests {
  @Test func smallTensorHasTextAndHTMLTable() throws {
    let bundle = try resultBundle(["Tensor([[1, 2], [3, 4]])"])
    #expect(bundle.plainText.contains("3"))
    let html = try #require(bundle.data["text/html"])
    #expect(html.contains("<table"))
    #expect(html.contains("<td style=\"padding:2px 8px;text-align:right\">4</td>"))
    #expect(bundle.data["image/png"] == nil)
  }

  @Test func imageTensorIsAPNG() throws {
    let bundle = try resultBundle(["Tensor.random([1, 28, 28])"])
    #expect(isPNG(bundle.data["image/png"]))
    #expect(bundle.plainText.hasPrefix("Tensor [1, 28, 28] (image)"))
    #expect(bundle.metadata["image/png"]?["width"]?.intValue == 112)
  }

  @Test func convWeightsAreAFilterGridWithPNGBesideSVG() throws {
    let bundle = try resultBundle([
      "Sequential(input: [1, 8, 8]) { Conv2D(4, kernel: 3) }.layers[0].weight"
    ])
    #expect(bundle.data["image/svg+xml"]?.contains("<svg") == true)
    #expect(isPNG(bundle.data["image/png"]))
    #expect(bundle.plainText.contains("filters"))
  }

  @Test func summaryHasHTMLTableTextAndLatexArithmetic() throws {
    let bundle = try resultBundle(["LeNet5().summary()"])
    #expect(bundle.plainText.contains("61,706"))
    #expect(bundle.data["text/html"]?.contains("<table") == true)
    #expect(bundle.data["text/html"]?.contains("Output-size arithmetic") == true)
    let latex = try #require(bundle.data["text/latex"])
    #expect(latex.contains("\\frac{32 - 5 + 2\\cdot 0}{1}"))
  }

  @Test func diagramHasSVGAndPNG() throws {
    for source in [
      "LeNet5().diagram()", "ResNet(depth: 20).diagram()", "UNet(baseWidth: 8, depth: 2).diagram()",
    ] {
      let bundle = try resultBundle([source])
      let svg = try #require(bundle.data["image/svg+xml"])
      #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
      #expect(isPNG(bundle.data["image/png"]), "\(source)")
      #expect(bundle.plainText.contains("Input"))
    }
  }

  @Test func convOutputSizeHasWorkingAndLatex() throws {
    let bundle = try resultBundle(["convOutputSize(input: 224, filter: 11, padding: 0, stride: 4)"])
    #expect(bundle.plainText.contains("54.25 → 54"))
    #expect(bundle.data["text/latex"]?.contains("\\left\\lfloor") == true)
  }

  @Test(.enabled(if: fashionMNISTInstalled)) func htmlEscapesClassNamesAndStrings() throws {
    let session = NotebookRuntime.makeSession()
    let bundle = try resultBundle(["let d = FashionMNIST(padding: 2)", "d"], session: session)
    let html = try #require(bundle.data["text/html"])
    #expect(html.contains("T-shirt/top"))
    #expect(!html.contains("<script"))
    let chart = try resultBundle(
      [
        "let h = LeNet5().fit(d.train.prefix(64), batchSize: 64)",
        "compareHistories([\"<script>alert(1)</script>\": h])",
      ], session: session)
    let svg = try #require(chart.data["image/svg+xml"])
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;"))
    #expect(isPNG(chart.data["image/png"]))
  }

  @Test(.enabled(if: fashionMNISTInstalled)) func evaluationAndHistoryAndGradientsAreCharts() throws
  {
    let session = NotebookRuntime.makeSession()
    _ = try resultBundle(
      [
        "%seed 1\nlet d = FashionMNIST(padding: 2)\nlet m = LeNet5()\nlet h = m.fit(d.train.prefix(128), batchSize: 64)\nh.epochs"
      ], session: session)
    for source in [
      "h", "h.plot()", "m.evaluate(d.test.prefix(64))",
      "gradientNorms(m, on: d.train.batch(16)).plot()",
      "m.featureMaps(d.test[0])",
    ] {
      let bundle = try resultBundle([source], session: session)
      #expect(bundle.data["image/svg+xml"] != nil, "\(source)")
      #expect(isPNG(bundle.data["image/png"]), "\(source)")
      #expect(!bundle.plainText.isEmpty)
    }
    let evaluation = try resultBundle(["m.evaluate(d.test.prefix(64))"], session: session)
    #expect(evaluation.data["image/svg+xml"]?.contains("Ankle boot") == true)
    #expect(evaluation.plainText.hasPrefix("accuracy "))
  }

  @Test(.enabled(if: fashionMNISTInstalled)) func valueTextsCarryNoTimings() throws {
    let session = NotebookRuntime.makeSession()
    let bundle = try resultBundle(
      ["let d = FashionMNIST(padding: 2)\nLeNet5().fit(d.train.prefix(64), batchSize: 32)"],
      session: session)
    #expect(!bundle.plainText.contains("img/s"))
    #expect(!bundle.plainText.contains("seconds"))
    #expect(!bundle.plainText.contains("ETA"))
  }
}
