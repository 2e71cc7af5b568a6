/// A shape that cannot work, found before any data runs.
///
/// It names the layer (its path and optional name), the shape it got, what it needs, and a fix:
/// `Dense(120) expects 400 inputs but gets 256: the input is 28x28, did you mean padding: 2?`
public struct ShapeError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The dotted path of the layer from the outermost container (`"5"`, `"layer1.0.conv1"`).
  public var path: String
  /// The layer's user-given name, if any.
  public var layerName: String?
  /// The layer as it was written, short form: `Dense(120)`.
  public var layer: String
  /// The per-sample shape the layer received.
  public var got: [Int]
  /// What the layer needs, in words: `400 inputs`.
  public var expected: String
  /// The problem in one clause: `Dense(120) expects 400 inputs but gets 256`.
  public var problem: String
  /// How to fix it, when known.
  public var fix: String?

  public init(layer: String, got: [Int], expected: String, problem: String, fix: String? = nil) {
    self.path = ""
    self.layerName = nil
    self.layer = layer
    self.got = got
    self.expected = expected
    self.problem = problem
    self.fix = fix
  }

  /// The problem and its fix: what a notebook shows under the cell.
  public var message: String {
    guard let fix else { return problem }
    return "\(problem): \(fix)"
  }

  /// The message prefixed with the layer's position: `layer 5: Dense(120) expects …`.
  public var description: String {
    let named = layerName.map { " (\"\($0)\")" } ?? ""
    let position = path.isEmpty ? "" : "layer \(path)\(named): "
    return position + message
  }

  /// The same error seen from a container: `key` is prepended to the path.
  func inside(_ key: String) -> ShapeError {
    var copy = self
    copy.path = path.isEmpty ? key : "\(key).\(path)"
    return copy
  }
}

/// Formats a shape as `[6, 28, 28]`.
func shapeText(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ", ") + "]"
}

/// Formats a spatial size as `28x28`.
func spatialText(_ shape: [Int]) -> String {
  shape.suffix(2).map(String.init).joined(separator: "x")
}
