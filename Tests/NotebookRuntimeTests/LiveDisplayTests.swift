import Cancellation
import Display
import Lang
import NotebookRuntime
import Testing

struct LiveDisplayTests {
  @Test(.enabled(if: fashionMNISTInstalled)) func fitShowsOneDisplayThenUpdatesEndingInTheFinalState() throws {
    let session = NotebookRuntime.makeSession()
    let sink = RecordingSink()
    let result = session.execute("""
      %seed 3
      let d = FashionMNIST(padding: 2)
      let m = LeNet5()
      display(42)
      let h = m.fit(d.train.prefix(512), epochs: 2, batchSize: 32)
      print("done")
      """, sink: sink, cancellation: CancellationToken())
    #expect(result.error == nil)
    var ids: [String] = []
    var updates: [MimeBundle] = []
    var displays = 0
    for event in sink.events {
      switch event {
      case .display(let bundle, let id?):
        displays += 1
        ids.append(id)
        #expect(bundle.data["image/svg+xml"] != nil)
        #expect(isPNG(bundle.data["image/png"]))
      case .update(let bundle, let id):
        #expect(ids.contains(id))
        updates.append(bundle)
      case .clear:
        Issue.record("fit must never clear the cell's outputs")
      default: break
      }
    }
    #expect(displays == 1)
    #expect(updates.count >= 2)
    let final = try #require(updates.last)
    #expect(final.plainText.contains("epoch 2/2"))
    #expect(final.plainText.contains("100%"))
    #expect(isPNG(final.data["image/png"]))
    // The earlier display (42) is still there: first event, never cleared.
    if case .display(let first, nil) = sink.events.first { #expect(first.plainText == "42") } else { Issue.record("display(42) first") }
  }

  @Test(.enabled(if: fashionMNISTInstalled)) func interruptedFitEndsTheCellWithAnInterruptedErrorAndKeepsTheModel() throws {
    let session = NotebookRuntime.makeSession()
    let token = CancellationToken()
    let sink = CancellingSink(token: token)
    let result = session.execute("""
      let d = FashionMNIST(padding: 2)
      let m = LeNet5()
      let h = m.fit(d.train.prefix(2048), epochs: 3, batchSize: 32)
      """, sink: sink, cancellation: token)
    let error = try #require(result.error)
    #expect(error.name.lowercased().contains("interrupt"))
    token.reset()
    let after = session.execute("m.history!.batchLoss.count > 0", sink: RecordingSink(), cancellation: token)
    #expect(after.value?.plainText == "true")
    let usable = session.execute("m(d.test[0].image).shape", sink: RecordingSink(), cancellation: token)
    #expect(usable.value?.plainText == "[10]")
  }
}

/// A sink that cancels the token at the first update of a live display (after some batches).
final class CancellingSink: OutputSink {
  let token: CancellationToken
  init(token: CancellationToken) { self.token = token }
  func write(_ text: String, to stream: OutputStreamName) {}
  func display(_ bundle: MimeBundle, id: String?) {}
  func update(_ bundle: MimeBundle, id: String) { token.cancel() }
  func clearOutput(wait: Bool) {}
  func readLine(prompt: String, password: Bool) -> String? { nil }
}
