import Cancellation
import Display
import Graphics
import Lang
import Testing

@testable import NotebookRuntime
@testable import Plot

/// `fit(…, watch: .layers)`: a second live display beside the training chart, updated while
/// training and ending with every snapshot; its figure reads.
struct LayerWatchTests {
  @Test(.enabled(if: fashionMNISTInstalled)) func watchLayersAddsALiveLayerDisplay() throws {
    let session = NotebookRuntime.makeSession()
    let sink = RecordingSink()
    let result = session.execute(
      """
      %seed 3
      let d = FashionMNIST(padding: 2)
      let m = LeNet5()
      let h = m.fit(d.train.prefix(320), epochs: 2, batchSize: 32, validation: d.test.prefix(64), watch: .layers, watchEvery: 2)
      """, sink: sink, cancellation: CancellationToken())
    #expect(result.error == nil, "\(result.error?.plainText ?? "")")
    var layerIDs: Set<String> = []
    var last: MimeBundle?
    for event in sink.events {
      switch event {
      case .display(let bundle, let id?) where id.hasPrefix("stride-layers-"):
        layerIDs.insert(id)
        last = bundle
      case .update(let bundle, let id) where id.hasPrefix("stride-layers-"):
        #expect(layerIDs.contains(id))
        last = bundle
      default: break
      }
    }
    #expect(layerIDs.count == 1)
    let final = try #require(last)
    // 20 steps, a snapshot before the first and every 2: 11 snapshots, the last at step 20.
    #expect(final.plainText.hasPrefix("Layer views at step 20 (11 snapshots, every 2 steps)"))
    #expect(final.plainText.contains("0 Conv2D: mean"))
    #expect(final.plainText.contains("grad RMS"))
    #expect(isPNG(final.data["image/png"]))
    let svg = try #require(final.data["image/svg+xml"])
    #expect(
      svg.contains("activation histogram (log count)")
        && svg.contains("Layer 0 Conv2D filters (5×5)"))
  }

  @Test func watchRejectsWhatItCannotWatch() throws {
    let session = NotebookRuntime.makeSession()
    let result = session.execute(
      """
      let m = Sequential(input: [1, 8, 8]) { Flatten(); Dense(2) }
      m.fit(SyntheticShapes(count: 8, size: 8), watch: .everything)
      """, sink: RecordingSink(), cancellation: CancellationToken())
    #expect(result.error?.plainText.contains("watch: takes .layers") == true)
  }

  @Test func layerStatsFigureReadsAndFitsTheNotebook() throws {
    let rows = (0..<8).map { i in
      LayerStatsFigure.Row(
        name: "\(i) Conv2D", means: (0..<12).map { Double($0 + i) / 10 },
        stds: (0..<12).map { _ in 0.3 },
        histograms: (0..<12).map { s in (0..<32).map { ($0 * (s + 1)) % 17 } }, low: -1, high: 2,
        gradientRMS: (0..<12).map { _ in i % 2 == 0 ? 0.0123 : nil })
    }
    let scene = LayerStatsFigure(title: "Layer views", rows: rows).scene()
    let problems = SceneAudit(maxWidth: 1000, minFontSize: 10).problems(in: scene)
    #expect(problems.isEmpty, "\(problems)")
  }
}
