import NN

/// `fit(…, controls: true, watch: .layers)`: the layer views observe (and forward progress to the
/// live chart) while the controls steer. FitControls only forwards progress to the same chart,
/// so it is asked to steer and nothing else.
final class SteeredWatch: TrainingObserver, TrainingSteering {
  let watch: LayerWatch
  let controls: FitControls

  init(watch: LayerWatch, controls: FitControls) { (self.watch, self.controls) = (watch, controls) }

  func training(_ progress: TrainingProgress) { watch.training(progress) }
  func trainingStepped(_ step: Int, model: any Layer) { watch.trainingStepped(step, model: model) }
  func shouldStop() -> Bool { controls.shouldStop() }
  var baseLearningRate: Double? { controls.baseLearningRate }
}
