import Foundation
import Graphics

/// One layer (or the input, or a stage of repeated blocks) in an architecture diagram.
public struct DiagramNode: Sendable, Hashable {
  /// What the layer does; sets the block colour.
  public enum Kind: Sendable, Hashable {
    case input, conv, pool, dense, norm, activation, upsample, concat, output, other
  }

  /// The shortcut of a residual block drawn around this node: the identity, or a layer that
  /// projects (its short description, e.g. "1x1 conv /2").
  public enum Shortcut: Sendable, Hashable {
    case identity
    case projection(String)
  }

  /// Layer name, e.g. "conv1" or "3 × BasicBlock".
  public var label: String
  /// A short description, e.g. "5x5, 6 filters".
  public var detail: String
  /// Output shape without the batch dimension: `[C, H, W]` for feature maps, `[N]` for vectors.
  public var shape: [Int]
  /// Kind of layer.
  public var kind: Kind
  /// A residual shortcut around this node (added to its output), or `nil`.
  public var shortcut: Shortcut?
  /// How many identical blocks the node stands for (drawn as a stack when more than 1).
  public var repeats: Int
  /// Text shown on hover in SVG (`<title>`): parameters, mult-adds, activation memory.
  public var info: String
  /// The shape error at this layer, if the model stops fitting here (drawn red).
  public var error: String?

  /// A node.
  public init(
    label: String, detail: String = "", shape: [Int], kind: Kind = .other,
    shortcut: Shortcut? = nil, repeats: Int = 1, info: String = "", error: String? = nil
  ) {
    self.label = label
    self.detail = detail
    self.shape = shape
    self.kind = kind
    self.shortcut = shortcut
    self.repeats = repeats
    self.info = info
    self.error = error
  }
}

/// A connection that skips ahead in the chain: a ResNet shortcut or a U-Net skip.
public struct DiagramEdge: Sendable, Hashable {
  /// Residual shortcuts are added; U-Net skips are concatenated.
  public enum Kind: Sendable, Hashable {
    case residual, skip
  }

  /// Index of the node whose output the edge carries.
  public var from: Int
  /// Index of the node that receives it (must be after `from`).
  public var to: Int
  /// Kind of connection.
  public var kind: Kind

  /// An edge between two node indices.
  public init(from: Int, to: Int, kind: Kind) {
    self.from = from
    self.to = to
    self.kind = kind
  }
}

/// A model drawn as a chain of blocks, left to right, in the style of the LeNet-5 figure.
///
/// A feature map `[C, H, W]` is a box whose height grows with H, whose depth grows with W and
/// whose thickness grows with C (all logarithmically); a vector `[N]` is a thin bar; a node
/// that stands for several blocks is a stack. Each block is labelled with its name, detail and
/// output shape (text at least 11 units high); arrows between blocks carry the shape of the data
/// they pass. A node's residual shortcut arcs over it; skip and residual edges over several
/// nodes arc above the chain, nested by span; a node with an error is drawn red and the error
/// written under the diagram. A chain wider than `maxWidth` wraps into rows joined by a path
/// that runs in the gutter between rows. Invalid edges (out of range, or not pointing forward)
/// are left out; a residual edge is drawn like a shortcut, over the nodes it spans.
///
/// ```swift
/// let lenet = ArchitectureDiagram(title: "LeNet-5", nodes: [
///   DiagramNode(label: "input", shape: [1, 32, 32], kind: .input),
///   DiagramNode(label: "conv1", detail: "5x5", shape: [6, 28, 28], kind: .conv),
///   DiagramNode(label: "pool1", detail: "2x2 max", shape: [6, 14, 14], kind: .pool),
///   DiagramNode(label: "fc", shape: [10], kind: .dense),
/// ])
/// ```
public struct ArchitectureDiagram: Figure {
  /// Title above the diagram.
  public var title: String
  /// The chain, in order.
  public var nodes: [DiagramNode]
  /// Extra connections.
  public var edges: [DiagramEdge]
  /// Print shapes above the arrows between blocks.
  public var showEdgeShapes: Bool
  /// Width beyond which the chain wraps into another row (where no skip edge is cut).
  public var maxWidth: Double

  /// A diagram.
  public init(
    title: String = "", nodes: [DiagramNode], edges: [DiagramEdge] = [],
    showEdgeShapes: Bool = true,
    maxWidth: Double = 1000
  ) {
    self.maxWidth = maxWidth
    self.title = title
    self.nodes = nodes
    self.edges = edges
    self.showEdgeShapes = showEdgeShapes
  }

  /// `[6, 28, 28]` → "6x28x28"; `[]` → "".
  public static func shapeText(_ shape: [Int]) -> String {
    shape.map(String.init).joined(separator: "x")
  }

  var validEdges: [DiagramEdge] {
    edges.filter { $0.from >= 0 && $0.to < nodes.count && $0.from < $0.to }
  }

  /// The diagram as a scene.
  public func scene() -> Scene {
    let layout = DiagramLayout(self)
    var scene = Scene(width: layout.width, height: layout.height)
    scene.title = title
    if nodes.isEmpty {
      scene.add(
        Theme.label(
          "(empty model)", centeredAt: Point(layout.width / 2, layout.height / 2),
          size: Theme.labelSize, color: Theme.mutedText))
    }
    for index in nodes.indices {
      if index + 1 < nodes.count {
        let text = showEdgeShapes ? ArchitectureDiagram.shapeText(nodes[index].shape) : ""
        scene.add(contentsOf: layout.chainArrow(from: index, label: text))
      }
    }
    for span in layout.spans { scene.add(contentsOf: layout.shortcut(span)) }
    for index in nodes.indices {
      let parts = layout.block(index) + layout.blockLabels(index)
      scene.add(
        nodes[index].info.isEmpty ? .group(.identity, parts) : .titled(nodes[index].info, parts))
    }
    for (edge, level) in layout.levels {
      scene.add(contentsOf: layout.arc(edge, level: level))
    }
    scene.add(contentsOf: layout.errorLines())
    if !title.isEmpty {
      scene.add(
        Theme.label(
          title, centeredAt: Point(layout.width / 2, 19), size: Theme.titleSize,
          weight: .bold))
    }
    return scene
  }

  /// Residual shortcuts, each over the nodes `first...last`: every node's own shortcut, and
  /// every residual edge (from the node before `first` to `last`).
  var spans: [(first: Int, last: Int, shortcut: DiagramNode.Shortcut)] {
    var spans = nodes.indices.compactMap { index in
      nodes[index].shortcut.map { (first: index, last: index, shortcut: $0) }
    }
    for edge in validEdges where edge.kind == .residual {
      spans.append((edge.from + 1, edge.to, .identity))
    }
    return spans
  }

  /// Edges drawn as arcs above the chain: the skips (residual edges are shortcut spans).
  var arcEdges: [DiagramEdge] {
    validEdges.filter { $0.kind != .residual }
  }
}

/// Block sizes from tensor shapes.
struct BlockGeometry {
  /// Front face width (grows with channels) and height (grows with H or N).
  let thickness: Double, height: Double
  /// Oblique depth offset (grows with W).
  let depthX: Double, depthY: Double
  /// Offset of the last copy behind a stacked block (0 for a single block).
  var stack: Double = 0

  var totalWidth: Double { thickness + depthX + stack }

  init(shape: [Int], repeats: Int = 1) {
    stack = repeats > 1 ? 8 : 0
    func scaled(_ n: Int, over max: Double) -> Double {
      min(log2(Double(Swift.max(n, 1))) / log2(max), 1)
    }
    switch shape.count {
    case 0:
      (thickness, height, depthX, depthY) = (22, 22, 0, 0)
    case 1:
      height = 20 + 90 * scaled(shape[0], over: 4096)
      (thickness, depthX, depthY) = (9, 5, 4)
    default:
      let channels = shape.count >= 3 ? shape[shape.count - 3] : 1
      let h = shape[shape.count - 2], w = shape[shape.count - 1]
      height = 16 + 94 * scaled(h, over: 256)
      thickness = 4 + 40 * scaled(channels, over: 1024)
      let depth = 6 + 44 * scaled(w, over: 256)
      (depthX, depthY) = (depth * 0.6, depth * 0.45)
    }
  }
}
