import Cancellation
import Display
import Foundation
import Lang
import Testing

@testable import NotebookRuntime

struct LiveDisplayTests {
  @Test(.enabled(if: fashionMNISTInstalled))
  func fitShowsOneDisplayThenUpdatesEndingInTheFinalState() throws {
    let session = NotebookRuntime.makeSession()
    let sink = RecordingSink()
    let result = session.execute(
      """
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
    if case .display(let first, nil) = sink.events.first {
      #expect(first.plainText == "42")
    } else {
      Issue.record("display(42) first")
    }
  }

  @Test(.enabled(if: fashionMNISTInstalled))
  func interruptedFitEndsTheCellWithAnInterruptedErrorAndKeepsTheModel() throws {
    let session = NotebookRuntime.makeSession()
    let token = CancellationToken()
    let sink = CancellingSink(token: token)
    let result = session.execute(
      """
      let d = FashionMNIST(padding: 2)
      let m = LeNet5()
      let h = m.fit(d.train.prefix(2048), epochs: 3, batchSize: 32)
      """, sink: sink, cancellation: token)
    let error = try #require(result.error)
    #expect(error.name.lowercased().contains("interrupt"))
    token.reset()
    let after = session.execute(
      "m.history!.batchLoss.count > 0", sink: RecordingSink(), cancellation: token)
    #expect(after.value?.plainText == "true")
    let usable = session.execute(
      "m(d.test[0].image).shape", sink: RecordingSink(), cancellation: token)
    #expect(usable.value?.plainText == "[10]")
  }

  /// Interrupted in the second epoch or later: the final display, its chart and the history's
  /// summary show the epoch and batch reached, not the last finished epoch nor the planned totals.
  @Test(.enabled(if: fashionMNISTInstalled)) func anInterruptedFitShowsTheEpochAndBatchItReached()
    throws
  {
    let session = NotebookRuntime.makeSession()
    let token = CancellationToken()
    let sink = CancellingSink(token: token) {
      $0.plainText.contains("epoch 2/3") || $0.plainText.contains("epoch 3/3")
    }
    let result = session.execute(
      """
      let d = FashionMNIST(padding: 2)
      let m = LeNet5()
      let h = m.fit(d.train.prefix(256), epochs: 3, batchSize: 16)
      """, sink: sink, cancellation: token)
    #expect(result.error?.name.lowercased().contains("interrupt") == true)
    token.reset()
    let quoted = try #require(
      session.execute("m.history!.stopReason", sink: RecordingSink(), cancellation: token).value?
        .plainText)
    let reason = quoted.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    // "interrupted in epoch 2 after batch 5" (or "at the start of epoch 3")
    let numbers = reason.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    let (epoch, batch) = (numbers[0], reason.contains("at the start") ? 0 : numbers[1])
    #expect(epoch >= 2 && reason.hasPrefix("interrupted "), "\(reason)")
    let final = try #require(sink.updates.last)
    #expect(
      final.plainText.contains("epoch \(epoch)/3  batch \(batch)/16"),
      "\(final.plainText) vs \(reason)")
    #expect(
      final.plainText.hasSuffix("(interrupted)") && !final.plainText.contains("ETA"),
      "\(final.plainText)")
    #expect(!final.plainText.contains("100%"))
    let svg = try #require(final.data["image/svg+xml"])
    #expect(
      svg.contains("(interrupted)") && svg.contains("epoch \(epoch)/3")
        && svg.contains("batch \(batch)/16"))
    let summary = try #require(
      session.execute("m.history!", sink: RecordingSink(), cancellation: token).value)
    let finished = epoch - 1
    #expect(
      summary.plainText.hasPrefix(
        "History: \(finished) epoch\(finished == 1 ? "" : "s") (\(reason))"), "\(summary.plainText)"
    )
    #expect(summary.data["image/svg+xml"]?.contains("Training loss (interrupted)") == true)
    // history.plot()'s last batch sits where it ran: epoch - 1 + batch/16 on the epoch axis.
    _ = session.execute("let reached = m.history!", sink: RecordingSink(), cancellation: token)
    guard case .host(let object)? = session.value(of: "reached"),
      let value = object as? HistoryValue
    else {
      Issue.record("no history")
      return
    }
    let last = try #require(HistoryCharts.chart(value.history).series.first?.x.last)
    #expect(abs(last - (Double(epoch - 1) + Double(batch) / 16)) < 1e-9, "\(last)")
  }
}

/// A sink that cancels the token at the first update of a live display (after some batches) for
/// which `when` holds, and keeps the updates.
final class CancellingSink: OutputSink {
  let token: CancellationToken
  let when: (MimeBundle) -> Bool
  private(set) var updates: [MimeBundle] = []
  init(token: CancellationToken, when: @escaping (MimeBundle) -> Bool = { _ in true }) {
    self.token = token
    self.when = when
  }
  func write(_ text: String, to stream: OutputStreamName) {}
  func display(_ bundle: MimeBundle, id: String?) {}
  func update(_ bundle: MimeBundle, id: String) {
    updates.append(bundle)
    if when(bundle) { token.cancel() }
  }
  func clearOutput(wait: Bool) {}
  func readLine(prompt: String, password: Bool) -> String? { nil }
}
