import Lang
import NN

/// An optimizer of the language: `SGD(learningRate: 0.05, momentum: 0.9)`, `Adam(model, learningRate: 1e-3)`.
/// Bound to a model's parameters at `fit`, or at construction when a model is given (hand loops).
final class OptimizerValue: RuntimeObject {
  let optimizer: Optimizer

  init(_ optimizer: Optimizer) { self.optimizer = optimizer }

  override var typeName: String { String(describing: type(of: optimizer)) }
  override var aliases: [String] { ["Optimizer"] }
  override var description: String { optimizer.description }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "learningRate", type: "Double", doc: "The step size.") {
        .double(self.optimizer.learningRate)
      },
      PropertySpec(name: "stepCount", type: "Int", doc: "Steps taken so far.") {
        .int(self.optimizer.stepCount)
      },
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "step", parameters: [], returns: nil,
        doc: "Updates every bound parameter from its gradient (call loss.backward() first)."
      ) { _ in
        guard !self.optimizer.parameters.isEmpty else {
          throw HostError(
            "ValueError", "the optimizer has no parameters",
            hint: "give it the model: Adam(model, learningRate: 1e-3)")
        }
        self.optimizer.step()
        return .void
      },
      MethodSpec(
        name: "zeroGrad", parameters: [], returns: nil,
        doc: "Clears the gradients of the bound parameters."
      ) { _ in
        self.optimizer.zeroGrad()
        return .void
      },
    ]
  }

  override func setMember(named name: String, to value: Value) throws -> Bool {
    guard name == "learningRate" else { return false }
    guard let rate = value.doubleValue else {
      throw HostError("TypeError", "learningRate expects a Double")
    }
    optimizer.learningRate = rate
    return true
  }
}
