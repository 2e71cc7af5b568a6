import Foundation
import Graphics

/// One layer (or the input) in an architecture diagram.
public struct DiagramNode: Sendable, Hashable {
  /// What the layer does; sets the block colour.
  public enum Kind: Sendable, Hashable {
    case input, conv, pool, dense, norm, activation, upsample, concat, output, other
  }

  /// Layer name, e.g. "conv1".
  public var label: String
  /// A short description, e.g. "5x5, 6 filters".
  public var detail: String
  /// Output shape without the batch dimension: `[C, H, W]` for feature maps, `[N]` for vectors.
  public var shape: [Int]
  /// Kind of layer.
  public var kind: Kind

  /// A node.
  public init(label: String, detail: String = "", shape: [Int], kind: Kind = .other) {
    self.label = label
    self.detail = detail
    self.shape = shape
    self.kind = kind
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
/// whose thickness grows with C (all logarithmically); a vector `[N]` is a thin bar. Each block
/// is labelled with its name, detail and output shape; arrows between blocks carry the shape of
/// the data they pass. Skip and residual edges arc above the chain, nested by span. Invalid
/// edges (out of range, or not pointing forward) are left out.
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
      scene.add(contentsOf: layout.block(index, node: nodes[index]))
      scene.add(contentsOf: layout.blockLabels(index, node: nodes[index]))
      if index + 1 < nodes.count {
        let text = showEdgeShapes ? ArchitectureDiagram.shapeText(nodes[index].shape) : ""
        scene.add(contentsOf: layout.chainArrow(from: index, label: text))
      }
    }
    for (edge, level) in layout.levels {
      scene.add(contentsOf: layout.arc(edge, level: level))
    }
    if !title.isEmpty {
      scene.add(
        Theme.label(
          title, centeredAt: Point(layout.width / 2, 19), size: Theme.titleSize,
          weight: .bold))
    }
    return scene
  }
}

/// Block sizes from tensor shapes.
struct BlockGeometry {
  /// Front face width (grows with channels) and height (grows with H or N).
  let thickness: Double, height: Double
  /// Oblique depth offset (grows with W).
  let depthX: Double, depthY: Double

  var totalWidth: Double { thickness + depthX }

  init(shape: [Int]) {
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
