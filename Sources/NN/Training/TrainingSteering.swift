/// Steering of a running `fit` from outside the loop, between steps: a notebook's Stop and
/// Pause buttons and a learning-rate slider. An observer that also conforms is asked before
/// every step, on the thread that runs `fit`.
public protocol TrainingSteering: AnyObject {
  /// Whether to end the fit before the next step (the weights stay those after the last
  /// completed step; the stop reason is `.stopped`). May block while training is paused.
  func shouldStop() -> Bool
  /// The base learning rate from the next step on (the schedule applies to it); nil keeps the
  /// optimizer's.
  var baseLearningRate: Double? { get }
}
