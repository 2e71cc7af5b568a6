import Foundation
import Graphics

/// A U-Net drawn as a U, after Figure 1 of Ronneberger et al. (2015): the contracting path
/// steps down on the left, one row per resolution, the expanding path steps up on the right,
/// and each row's skip connection runs across to the concatenation that receives it.
///
/// Every feature map is a flat box, as wide as its channel count and as tall as its map
/// (logarithmically), its channel count and map size written beside it (above on the way down,
/// below on the way up). Arrows are coloured by what they do (convolution, max pool, up-conv,
/// copy and crop) and named in a legend under the U, so no text sits on a line.
///
/// ```swift
/// let u = UNetDiagram(title: "U-Net", levels: [
///   .init(encoder: [input, conv1, conv2], decoder: [concat, conv3, conv4, head]),
///   .init(encoder: [pooled, conv5, conv6], decoder: []),
/// ], down: "max pool 2x2", up: "up-conv 2x2", skip: "copy and crop")
/// ```
public struct UNetDiagram: Figure {
  /// One resolution: the maps on the way down and, above the bottom, the maps on the way up.
  public struct Level: Sendable, Hashable {
    /// The maps on the way down, from the input (or the pooled map) on.
    public var encoder: [DiagramNode]
    /// The maps on the way up, from the concatenation on; empty at the bottom.
    public var decoder: [DiagramNode]

    /// A level.
    public init(encoder: [DiagramNode], decoder: [DiagramNode] = []) {
      self.encoder = encoder
      self.decoder = decoder
    }
  }

  /// Title above the U.
  public var title: String
  /// The levels, full resolution first; the last one is the bottom of the U.
  public var levels: [Level]
  /// Legend names of the arrows between rows and across.
  public var down: String, up: String, skip: String

  /// A U-Net diagram.
  public init(
    title: String = "", levels: [Level], down: String = "max pool", up: String = "up-conv",
    skip: String = "copy and crop"
  ) {
    self.title = title
    self.levels = levels
    self.down = down
    self.up = up
    self.skip = skip
  }

  /// "64" over "568²" (or "568×400"): the text beside a block.
  static func labels(_ node: DiagramNode) -> [String] {
    let shape = node.shape
    guard shape.count == 3 else { return [ArchitectureDiagram.shapeText(shape)] }
    let size = shape[1] == shape[2] ? "\(shape[1])²" : "\(shape[1])×\(shape[2])"
    return ["\(shape[0])", size]
  }

  /// The diagram as a scene.
  public func scene() -> Scene {
    let layout = UNetLayout(self)
    var scene = Scene(width: layout.width, height: layout.height)
    scene.title = title
    scene.add(contentsOf: layout.connections())
    for place in layout.places {
      let node = layout.node(place)
      let parts = layout.block(place) + layout.blockLabels(place)
      scene.add(node.info.isEmpty ? .group(.identity, parts) : .titled(node.info, parts))
    }
    scene.add(contentsOf: layout.legend())
    if !title.isEmpty {
      scene.add(
        Theme.label(
          title, centeredAt: Point(layout.width / 2, 19), size: Theme.titleSize, weight: .bold))
    }
    return scene
  }
}
