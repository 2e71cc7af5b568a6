import Autograd

/// Storage shared by the built-in leaf layers: name, mode, and lazily allocated tensors.
///
/// Not a protocol requirement: any class conforming to `Layer` works in the containers.
public class LayerBase {
  /// An optional user-given name, used in parameter paths instead of the index.
  public var name: String?
  /// Training mode (the default); Dropout and BatchNorm behave differently in evaluation mode.
  public var isTraining = true
  let store = ParameterStore()

  init() {}

  /// Trainable tensors of this layer (`weight`, `bias`), allocated on first access.
  public var parameters: [NamedParameter] { store.parameters }
  /// Non-trainable state (running statistics).
  public var buffers: [NamedBuffer] { store.buffers }
  /// Leaves have no children.
  public var children: [Layer] { [] }
  /// Trainable scalars, counted from the declared shapes (no allocation).
  public var parameterCount: Int { store.parameterCount }

  /// Whether the layer declares tensors only once it knows its input (a lazy size); such a layer
  /// builds itself at its first call.
  var declaresOnBuild: Bool { false }
}

extension Layer {
  /// Gives the layer a name (used in parameter paths and summaries) and returns it.
  @discardableResult
  public func named(_ name: String) -> Self {
    self.name = name
    return self
  }

  /// The description with `.named("…")` appended when the layer has a name.
  func withName(_ text: String) -> String {
    guard let name else { return text }
    return "\(text).named(\"\(name)\")"
  }
}

/// `label: value` pairs joined with commas, skipping nils: the argument list of a description.
func arguments(_ parts: String?...) -> String {
  parts.compactMap { $0 }.joined(separator: ", ")
}
