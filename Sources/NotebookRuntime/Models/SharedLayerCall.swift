import Autograd
import NN

/// A later call of a layer that a user layer's forward calls more than once (its weights
/// shared): a summary row of its own with that call's shapes, mult-adds and window, and no
/// parameters or buffers (the first call's row counts them), so the summary's totals stay the
/// model's while its mult-adds and receptive field include every call.
final class SharedLayerCall: Layer {
  let layer: any Layer
  var name: String?

  init(_ layer: any Layer) {
    self.layer = layer
    self.name = layer.name
  }

  var typeName: String { layer.typeName }
  var description: String { layer.description }
  var parameters: [NamedParameter] { [] }
  var buffers: [NamedBuffer] { [] }
  var children: [any Layer] { [] }
  var isTraining: Bool {
    get { layer.isTraining }
    set {}
  }

  func callAsFunction(_ input: Variable) throws -> Variable { try layer(input) }
  func outputShape(for input: [Int]) throws -> [Int] { try layer.outputShape(for: input) }

  func cost(input: [Int]) throws -> LayerCost {
    var cost = try layer.cost(input: input)
    cost.parameters = 0
    cost.buffers = 0
    return cost
  }
}
