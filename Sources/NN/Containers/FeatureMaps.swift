import Autograd

/// The output of one top-level layer for a batch: what that layer "sees" and passes on.
public struct LayerOutput {
  /// The layer's path (its name or index).
  public let path: String
  public let layer: Layer
  /// The batch-first output, `[N, C, H, W]` for feature maps or `[N, features]`.
  public let output: Variable
}

extension Sequential {
  /// Runs a batch through the model, keeping every top-level layer's output (for drawing feature
  /// maps). Builds the model from the batch's shape if needed.
  public func featureMaps(_ input: Variable) throws -> [LayerOutput] {
    if inputShape == nil { try build(input: Array(input.shape.dropFirst())) }
    var value = input
    var outputs: [LayerOutput] = []
    for entry in keyedChildren {
      do {
        value = try entry.layer(value)
      } catch let error as ShapeError {
        throw error.inside(entry.key)
      }
      outputs.append(LayerOutput(path: entry.key, layer: entry.layer, output: value))
    }
    return outputs
  }
}
