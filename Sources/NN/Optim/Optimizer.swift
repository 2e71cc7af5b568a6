import Autograd
import Tensor

/// Updates a model's parameters from their gradients; the base of SGD, Adam, AdamW and RMSprop.
///
/// An optimizer is made either bound to a model (`Adam(model, learningRate: 1e-3)`) or unbound
/// (`SGD(learningRate: 0.05)`) and then bound by `fit` or `attach(_:)`. Each parameter keeps its
/// own state (momentum buffers, moment estimates), created zero on its first step; state is
/// kept per parameter identity, so re-attaching the same model keeps it.
/// Update rules follow PyTorch's `torch.optim` formulas exactly, in Float32.
public class Optimizer {
  /// The base learning rate (a schedule in `fit` may override it per step).
  public var learningRate: Double
  /// The parameters this optimizer updates.
  public private(set) var parameters: [Variable] = []
  var states: [ObjectIdentifier: ParameterState] = [:]
  /// How many steps have been taken.
  public private(set) var stepCount = 0

  init(learningRate: Double) { self.learningRate = learningRate }

  /// The optimizer as a user would write it, e.g. `SGD(learningRate: 0.05, momentum: 0.9)`.
  public var description: String { "Optimizer(learningRate: \(learningRate))" }

  /// Binds to these parameters (state of parameters seen before is kept).
  public func attach(_ parameters: [Variable]) {
    self.parameters = parameters
    let live = Set(parameters.map(ObjectIdentifier.init))
    states = states.filter { live.contains($0.key) }
  }

  /// Binds to a model's trainable parameters.
  public func attach(_ model: any Layer) { attach(model.parameters.map(\.variable)) }

  /// Whether this optimizer is bound to exactly these parameters.
  func isAttached(to parameters: [Variable]) -> Bool {
    self.parameters.count == parameters.count
      && zip(self.parameters, parameters).allSatisfy { $0 === $1 }
  }

  /// Applies one update to every parameter that has a gradient, at `learningRate`.
  public func step() {
    stepCount += 1
    let lr = learningRate
    for parameter in parameters {
      guard let gradient = parameter.grad, gradient.count == parameter.value.count else { continue }
      let key = ObjectIdentifier(parameter)
      var state =
        states.removeValue(forKey: key) ?? ParameterState(count: gradient.count, slots: slotCount)
      // the parameter was replaced by another shape
      if state.storage.count != gradient.count * slotCount {
        state = ParameterState(count: gradient.count, slots: slotCount)
      }
      state.steps += 1
      let step = state.steps
      gradient.withUnsafeBufferPointer { g in
        parameter.value.withUnsafeMutableBufferPointer { p in
          state.storage.withUnsafeMutableBufferPointer { storage in
            update(&p, g, Slots(base: storage.baseAddress, count: g.count), step: step, lr: lr)
          }
        }
      }
      states[key] = state
    }
  }

  /// An unbound optimizer with the same settings and no state (for training another model).
  public func freshCopy() -> Optimizer { Optimizer(learningRate: learningRate) }

  /// Clears the gradients of every parameter.
  public func zeroGrad() {
    for parameter in parameters { parameter.zeroGrad() }
  }

  /// The number of per-scalar state arrays this rule keeps (e.g. 2 for Adam's m and v).
  var slotCount: Int { 0 }

  /// Updates one parameter in place from its gradient; subclasses implement their rule.
  /// `step` counts this parameter's updates from 1; `s` holds its `slotCount` state arrays.
  func update(
    _ p: inout UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>, _ s: Slots,
    step: Int, lr: Double
  ) {}
}

/// One parameter's optimizer state: its step count and per-scalar slots, zero at the start.
struct ParameterState {
  var steps = 0
  /// Slot k of scalar i at k·count + i.
  var storage: [Float]
  init(count: Int, slots: Int) { storage = [Float](repeating: 0, count: count * slots) }
}

/// The state arrays of one parameter during an update: `s[k, i]` is slot k of scalar i.
struct Slots {
  let base: UnsafeMutablePointer<Float>?
  let count: Int

  @inline(__always)
  subscript(slot: Int, i: Int) -> Float {
    get { base![slot * count + i] }
    nonmutating set { base![slot * count + i] = newValue }
  }
}
