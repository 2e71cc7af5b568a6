/// A layer with its dotted path from the model, as in parameter names (`"layer1.0.conv1"`).
public struct NamedLayer {
  public let path: String
  public let layer: Layer
}

extension Layer {
  /// Every layer inside this one (not itself), depth first, with paths: containers before
  /// their children. Leaves are those whose `children` is empty.
  public var namedLayers: [NamedLayer] {
    guard let container = self as? Container else { return [] }
    return container.keyedChildren.flatMap { key, child in
      [NamedLayer(path: key, layer: child)]
        + child.namedLayers.map { NamedLayer(path: "\(key).\($0.path)", layer: $0.layer) }
    }
  }

  /// The layer at a dotted path (`"layer1.0.conv1"`, `"3"`), or nil.
  public func layer(at path: String) -> Layer? {
    namedLayers.first { $0.path == path }?.layer
  }
}

extension Sequential {
  /// Appends a layer; a built model is rebuilt so the new layer's sizes are inferred.
  public func append(_ layer: Layer) throws {
    try edit { $0.append(layer) }
  }

  /// Inserts a layer at a position.
  public func insert(_ layer: Layer, at index: Int) throws {
    try checkIndex(index, allowEnd: true)
    try edit { $0.insert(layer, at: index) }
  }

  /// Replaces the layer at a position (e.g. a new classifier head for other classes).
  public func replace(at index: Int, with layer: Layer) throws {
    try checkIndex(index, allowEnd: false)
    try edit { $0[index] = layer }
  }

  /// Removes and returns the layer at a position.
  @discardableResult
  public func remove(at index: Int) throws -> Layer {
    try checkIndex(index, allowEnd: false)
    let removed = layers[index]
    try edit { $0.remove(at: index) }
    return removed
  }

  private func checkIndex(_ index: Int, allowEnd: Bool) throws {
    let limit = allowEnd ? layers.count : layers.count - 1
    guard index >= 0, index <= limit else {
      throw ShapeError(
        layer: "Sequential", got: [], expected: "an index in 0...\(limit)",
        problem: "Sequential has no position \(index)",
        fix: "it has \(layers.count) layers, numbered from 0")
    }
  }

  /// Applies a change and rebuilds for the known input shape; on a shape error, the change is undone.
  private func edit(_ change: (inout [Layer]) -> Void) throws {
    let before = layers
    change(&layers)
    chain.setTraining(isTraining)
    guard let inputShape else { return }
    do {
      try build(input: inputShape)
    } catch {
      layers = before
      throw error
    }
  }
}
