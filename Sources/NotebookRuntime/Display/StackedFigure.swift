import Graphics
import Plot

/// Several figures drawn one under the other as one figure (feature maps: one grid per layer).
struct StackedFigure: Figure {
  var parts: [any Figure]

  func scene() -> Scene {
    let scenes = parts.map { $0.scene() }
    let width = scenes.map(\.width).max() ?? 1
    var scene = Scene(width: width, height: max(1, scenes.reduce(0) { $0 + $1.height }))
    var top = 0.0
    for part in scenes {
      scene.add(.group(.translate(0, top), part.elements))
      top += part.height
    }
    return scene
  }
}
