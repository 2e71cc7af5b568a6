import Cancellation
import Display
import Lang
import Testing

@testable import NotebookRuntime

/// The widget state rules (all or nothing, kinds, clamping, buffer paths) and the manager's
/// answers, through a recording comm channel (the real-client tests are
/// Tests/integration/test_widgets.py).
struct WidgetStateTests {
  final class RecordingChannel: CommChannel {
    var opened: [(id: String, state: JSONValue)] = []
    var sent: [(id: String, data: JSONValue)] = []
    var currentMessageId: String? = "request-1"
    func open(
      commId: String, target: String, data: JSONValue, metadata: JSONValue, buffers: [[UInt8]]
    ) {
      opened.append((commId, data["state"] ?? .null))
    }
    func send(commId: String, data: JSONValue, buffers: [[UInt8]]) { sent.append((commId, data)) }
    func close(commId: String, data: JSONValue) {}
  }

  func slider() -> WidgetState {
    WidgetState(
      WidgetKind.intSlider.defaults.merging(["value": 3, "min": 1, "max": 7]) { $1 },
      kinds: WidgetKind.intSlider.kindOverrides)
  }

  @Test func updateAppliesAndClamps() throws {
    var state = slider()
    #expect(try state.apply(["value": 5]) == ["value": 5])
    #expect(try state.apply(["value": 99]) == ["value": 7])
    #expect(try state.apply(["value": 4.0]) == ["value": 4])
  }

  @Test func badUpdatesChangeNothing() {
    let before = slider()
    let bad: [JSONValue] = [
      ["value": "five"], ["value": 2.5], ["value": true], ["nope": 1],
      ["value": 4, "disabled": 3], "not an object",
    ]
    for update in bad {
      var state = before
      #expect(throws: StateError.self) { try state.apply(update) }
      #expect(state == before)
    }
  }

  @Test func bufferPathsMustNameAttributesAndMatchTheBuffers() {
    var state = slider()
    #expect(throws: StateError.self) {
      try state.apply(["value": 4], buffers: [[0]], bufferPaths: [["missing"]])
    }
    #expect(throws: StateError.self) {
      try state.apply(["value": 4], buffers: [], bufferPaths: [["value"]])
    }
    #expect(throws: StateError.self) {
      try state.apply(["value": 4], buffers: [[1]], bufferPaths: [])
    }
    #expect(state == slider())
  }

  @Test func modelNamesAreThoseOfIpywidgets8() {
    let state = WidgetKind.intSlider.defaults
    #expect(state["_model_name"] == "IntSliderModel")
    #expect(state["_model_module"] == "@jupyter-widgets/controls")
    #expect(state["_model_module_version"] == "2.0.0")
    #expect(WidgetKind.layout.defaults["_model_module"] == "@jupyter-widgets/base")
    #expect(WidgetKind.output.defaults["_view_module"] == "@jupyter-widgets/output")
    #expect(WidgetKind.intProgress.defaults["_view_name"] == "ProgressView")
    #expect(WidgetKind.sliderStyle.defaults["_view_name"] == "StyleView")
  }

  @Test func managerEchoesRunsHandlersAndRefusesBadInput() throws {
    let (session, host) = NotebookRuntime.makeNotebook()
    let channel = RecordingChannel()
    host.attach(channel)
    let sink = RecordingSink()
    let setup =
      "let k = IntSlider(value: 3, in: 1...7)\nk.onChange { v in print(\"now \\(v)\") }\ndisplay(k)"
    #expect(session.execute(setup, sink: sink, cancellation: CancellationToken()).error == nil)
    let model = try #require(channel.opened.last)
    #expect(model.state["value"] == 3)
    let callback = RecordingSink()
    #expect(
      host.commMessage(
        id: model.id, data: ["method": "update", "state": ["value": 6], "buffer_paths": []],
        buffers: [], sink: callback))
    #expect(channel.sent.last?.data["method"] == "echo_update")
    #expect(callback.stdout == "now 6\n")
    let refused = RecordingSink()
    #expect(
      host.commMessage(
        id: model.id, data: ["method": "update", "state": ["value": "x"]], buffers: [],
        sink: refused))
    #expect(
      channel.sent.last?.data == ["method": "update", "state": ["value": 6], "buffer_paths": []])
    #expect(refused.stdout == "")
    #expect(!host.commMessage(id: "unknown", data: [:], buffers: [], sink: refused))
    #expect(session.transcript(of: "k.value") == "6\n")
  }

  @Test func withoutAKernelWidgetsShowTheirTextForm() {
    let session = NotebookRuntime.makeSession()
    let text = session.transcript(
      of: """
        let k = IntSlider(value: 3, in: 1...7, description: "kernel")
        display(HBox([k, Button("Stop")]))
        interact(kernel: 1...7, padding: 0...3, stride: 1...3) { k, p, s in k + p + s }
        """)
    #expect(
      text
        == "[IntSlider(kernel: 3 in 1...7) | Button(Stop)]\nIntSlider(kernel: 4 in 1...7)\nIntSlider(padding: 1 in 0...3)\nIntSlider(stride: 2 in 1...3)\nOutput\n7\n"
    )
  }
}

/// Widget constructors and interact with extreme integers: a clear error or a widget, never a trap.
struct WidgetArgumentTests {
  @Test func extremeIntegersGiveErrorsNotCrashes() {
    let session = NotebookRuntime.makeSession()
    let extremes = ["0", "(-1)", "7", "9007199254740993", "Int.max", "(Int.min)"]
    for a in extremes {
      for b in extremes {
        for cell in [
          "IntSlider(value: \(a), in: \(a)...\(b), step: \(b))",
          "IntProgress(value: \(b), in: \(a)..<\(b))",
          "interact(k: \(a)...\(b)) { k in k }",
          "let w = IntSlider(); w.value = \(a); w.max = \(b)",
        ] {
          let result = session.execute(
            cell, sink: RecordingSink(), cancellation: CancellationToken())
          if let error = result.error {
            #expect(
              ["ValueError", "ArithmeticError"].contains(error.name), "\(cell): \(error.plainText)")
          }
        }
      }
    }
  }
}

/// The convolution explorer's arithmetic and its text form.
struct ConvolutionExplorerTests {
  @Test func formulaHasTheNumbersAndWarnsWhenTheStrideDoesNotFit() {
    #expect(
      ConvolutionExplorer.formula(input: 7, kernel: 3, padding: 1, stride: 2) == (
        "W' = (W − F + 2P)/S + 1 = (7 − 3 + 2×1)/2 + 1 = 4", nil
      ))
    let uneven = ConvolutionExplorer.formula(input: 7, kernel: 4, padding: 1, stride: 2)
    #expect(uneven.text.hasSuffix("= 5/2 + 1 → 3"))
    #expect(
      uneven.warning
        == "(W − F + 2P)/S = 5/2 is not a whole number: the last column is never visited")
    #expect(
      ConvolutionExplorer.formula(input: 2, kernel: 7, padding: 0, stride: 1).warning
        == "the kernel (7) is larger than the padded input (2)")
    #expect(
      ConvolutionExplorer.html(input: 7, kernel: 4, padding: 1, stride: 2).contains(
        "color: #d62728"))
  }

  @Test func textFormShowsTheSlidersAndTheFormula() {
    let text = NotebookRuntime.makeSession().transcript(
      of: "convolutionExplorer(input: 32, kernel: 5, padding: 0, stride: 1)")
    #expect(
      text == """
        IntSlider(input W: 32 in 1...32)
        IntSlider(kernel F: 5 in 1...7)
        IntSlider(padding P: 0 in 0...3)
        IntSlider(stride S: 1 in 1...4)
        W' = (W − F + 2P)/S + 1 = (32 − 5 + 2×0)/1 + 1 = 28

        """)
  }
}
