/// One row of a model summary: a layer, or a container with its children (a tree).
///
/// Shapes are per sample (no batch axis). Mult-adds count one multiply-add once (FLOPs = 2 x
/// MACs) and include biases, as torchinfo does; a container's figures are its children's sums.
public struct LayerSummary: Sendable, Equatable, Codable {
  /// Dotted path from the model (`"3"`, `"layer1.0.conv1"`), as in parameter names.
  public var path: String
  /// The user-given name, if any.
  public var name: String?
  /// `Conv2D`, `Sequential`, …
  public var typeName: String
  /// The layer as code (for containers, the first line only).
  public var code: String
  /// Nesting depth: 1 for the model's direct children.
  public var depth: Int
  /// 1-based position among its siblings (torchinfo's "depth-idx").
  public var index: Int
  public var inputShape: [Int]
  public var outputShape: [Int]
  /// Trainable scalars (with the children's).
  public var parameters: Int
  /// Non-trainable state scalars: BatchNorm running mean and variance.
  public var buffers: Int
  /// Multiply-adds per sample.
  public var multAdds: Int
  /// Receptive field of one output pixel on the model's input, in input pixels; nil for flat
  /// outputs (every output sees the whole input).
  public var receptiveField: Int?
  /// The output-size arithmetic (conv, pooling, transposed conv), numbers filled in.
  public var arithmetic: [SizeArithmetic]
  /// Rows inside this one (containers); empty for leaves or below the depth limit.
  public var children: [LayerSummary]
  /// True for containers (whether or not their children are listed).
  public var isContainer: Bool

  /// True when the stride does not divide evenly on some axis (the output size was floored).
  public var isFloored: Bool { arithmetic.contains { $0.isFloored } }

  /// This row and every row inside it, depth first.
  public var flattened: [LayerSummary] { [self] + children.flatMap(\.flattened) }
}

/// A model explained without running data: every layer's shapes, sizes and costs, and totals.
public struct ModelSummary: Sendable, Equatable, Codable {
  /// The model's type (`Sequential`) and code head.
  public var typeName: String
  public var inputShape: [Int]
  public var outputShape: [Int]
  /// The model's direct children (with their own children up to `depthLimit`).
  public var layers: [LayerSummary]
  public var depthLimit: Int
  /// Trainable parameters (the published figure, e.g. 61,706 for LeNet-5).
  public var trainableParameters: Int
  /// Non-trainable state (BatchNorm running statistics), not counted in `totalParameters`.
  public var buffers: Int
  /// Multiply-adds per sample; FLOPs are twice this.
  public var multAdds: Int
  /// Bytes of float32 parameters.
  public var parameterBytes: Int
  /// Bytes of one float32 input sample.
  public var inputBytes: Int
  /// Peak bytes of activations for one sample at inference: the largest input plus output of any
  /// single layer (earlier activations can be freed).
  public var inferenceActivationBytes: Int
  /// Bytes of activations for one sample in training: every layer's output is kept for the
  /// backward pass and gets a gradient of the same size (torchinfo's forward/backward pass size).
  public var trainingActivationBytes: Int

  public var totalParameters: Int { trainableParameters }
  /// `2 x multAdds`.
  public var flops: Int { 2 * multAdds }
  /// Every row, depth first.
  public var rows: [LayerSummary] { layers.flatMap(\.flattened) }
  /// Rows whose output size was floored because the stride does not divide evenly.
  public var flooredLayers: [LayerSummary] { rows.filter(\.isFloored) }
}
