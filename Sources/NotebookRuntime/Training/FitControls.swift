import Cancellation
import Display
import Foundation
import Lang
import NN

/// `fit(…, controls: true)`: Pause and Stop buttons and a learning-rate slider shown above the
/// live chart, working while the cell trains (their messages are served at the training loop's
/// polls, from a kernel subshell). Stop ends the fit before the next step with the model as
/// trained so far (`history.stopReason` is `.stopped`); Pause holds the loop (still serving
/// widget messages and interrupts) until Resume; the slider's value is the base learning rate from
/// the next batch on. Forwards progress to the live display.
final class FitControls: TrainingObserver, TrainingSteering {
  let live: LiveProgress
  let pause: WidgetValue, stop: WidgetValue, rate: WidgetValue
  let box: WidgetValue
  private unowned let manager: WidgetManager
  private let cancellation: CancellationToken
  private(set) var isPaused = false
  private(set) var isStopped = false

  init(
    manager: WidgetManager, live: LiveProgress, learningRate: Double,
    cancellation: CancellationToken
  ) {
    self.manager = manager
    self.live = live
    self.cancellation = cancellation
    pause = WidgetValue(
      .button, manager: manager, state: ["description": "Pause", "icon": "pause"])
    stop = WidgetValue(
      .button, manager: manager,
      state: ["description": "Stop", "icon": "stop", "button_style": "danger"])
    let exponent = Foundation.log10(learningRate)
    rate = WidgetValue(
      .floatLogSlider, manager: manager,
      state: [
        "value": .double(learningRate), "min": .double((exponent - 2).rounded(.down)),
        "max": .double((exponent + 2).rounded(.up)), "step": 0.1, "description": "learning rate",
      ])
    rate.style?.state.set("description_width", "initial")  // the whole label, not "learning r…"
    box = WidgetValue(.hbox, manager: manager)
    box.children = [pause, stop, rate]
    pause.clickHandlers.append(.native { [unowned self] _ in self.togglePause() })
    stop.clickHandlers.append(
      .native { [unowned self] _ in
        self.isStopped = true
        self.isPaused = false
      })
  }

  private func togglePause() {
    isPaused.toggle()
    try? manager.change(
      pause,
      [
        "description": .string(isPaused ? "Resume" : "Pause"),
        "icon": .string(isPaused ? "play" : "pause"),
      ])
  }

  // MARK: - TrainingObserver, TrainingSteering

  func training(_ progress: TrainingProgress) { live.training(progress) }

  func shouldStop() -> Bool {
    while isPaused && !isStopped && !cancellation.isCancelled {  // each poll serves widget turns
      Thread.sleep(forTimeInterval: 0.02)
    }
    return isStopped
  }

  var baseLearningRate: Double? { rate.state["value"]?.number }

  /// After the fit: the buttons disabled, the slider left showing the last rate.
  func finish() {
    for button in [pause, stop] { try? manager.change(button, ["disabled": true]) }
  }
}
