import Display
import NN
import Tensor

/// What one session's natives share: the seed every random choice flows from, and loaded data sets.
///
/// `%seed N` restarts the stream: the k-th random consumer after it (a model's initial weights, a
/// fit's shuffling and dropout, `Tensor.random`) gets seed `mix(N, k)`, so re-running a notebook
/// from the top gives the same numbers bit for bit.
final class RuntimeState {
  private(set) var seed: UInt64 = 0
  private var draws: UInt64 = 0
  /// Fashion-MNIST by padding, loaded once per session.
  var fashionMNIST: [Int: FashionMNIST] = [:]
  /// The last history of every model trained (kept when a fit is interrupted).
  var histories: [ObjectIdentifier: History] = [:]
  /// The class names of the data each model was last fitted on (for `predict`'s labels).
  var classNames: [ObjectIdentifier: [String]] = [:]
  /// How training progress is shown when the session chose (`%progress`); nil: as the sink can.
  var progress: LiveDisplays?
  /// `%precision N`: decimals of tensor text.
  let display = DisplaySettings()
  /// The session's widgets (for `fit(…, controls: true)`).
  var widgets: WidgetManager?
  /// While a user layer is built or traced (`UserLayer`): the engine layers its code calls.
  var layerTrace: UserLayerTrace?
  /// The models standing in for lone user layers, by their engine layers (`UserLayer.standIn`).
  var loneUserLayers: [[ObjectIdentifier]: UserLayer] = [:]

  /// Forgets the loaded data sets and training histories (`%reset`), so their memory can go.
  func forgetLoaded() {
    fashionMNIST = [:]
    histories = [:]
    loneUserLayers = [:]
  }

  /// Restarts the seed stream at `seed`.
  func setSeed(_ seed: UInt64) {
    self.seed = seed
    draws = 0
  }

  /// The next seed of the stream (SplitMix64 of the base seed and the draw count).
  func nextSeed() -> UInt64 {
    draws += 1
    return SplitMix64.mix(seed &+ draws &* SplitMix64.increment)
  }

  /// A generator seeded from the stream.
  func generator() -> SeededGenerator { SeededGenerator(seed: nextSeed()) }
}
