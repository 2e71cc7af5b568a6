import Graphics
import TextFormat

/// Grad-CAM drawn three ways side by side: the input, the heat map, and the heat laid over the
/// input (each panel the same size, enlarged by nearest neighbour), with a 0–1 colour bar.
///
/// `image` is the input as planar values (1 or 3 channels, scaled to its own range); `heat` is
/// the Grad-CAM map at the input's size, in [0, 1]. The overlay is
/// `(1 − opacity·h)·input + opacity·h·colour(h)` per pixel, so where the network did not look
/// the input shows through unchanged.
///
/// ```swift
/// GradCAMFigure(title: "Grad-CAM: Dress (p = 0.91), layer 3",
///               image: ImageGrid.Tile(pixels: pixels, width: 28, height: 28),
///               heat: heat)
/// ```
public struct GradCAMFigure: Figure {
  public var title: String
  /// The input image (values scaled to their own range for display).
  public var image: ImageGrid.Tile
  /// Importance in [0, 1], `image.width × image.height` values row-major.
  public var heat: [Double]
  /// How strongly the heat covers the input at h = 1.
  public var opacity: Double
  public var colorMap: ColorMap
  /// The longest side of each panel.
  public var panelSize: Double

  public init(
    title: String = "Grad-CAM", image: ImageGrid.Tile, heat: [Double], opacity: Double = 0.6,
    colorMap: ColorMap = .heat, panelSize: Double = 196
  ) {
    self.title = title
    self.image = image
    self.heat = heat
    self.opacity = min(max(opacity, 0), 1)
    self.colorMap = colorMap
    self.panelSize = min(max(panelSize, 32), 300)
  }

  var isValid: Bool { image.isValid && heat.count == image.width * image.height }

  /// The input as RGB values in [0, 1], planar.
  func baseRGB() -> [Double] {
    let finite = image.pixels.filter(\.isFinite)
    let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
    let span = high > low ? high - low : 1
    let unit = image.pixels.map { $0.isFinite ? ($0 - low) / span : 0 }
    return image.channels == 3 ? unit : unit + unit + unit
  }

  /// The overlay as RGB values in [0, 1], planar.
  func overlayRGB() -> [Double] {
    let base = baseRGB(), plane = heat.count
    var out = base
    for i in 0..<plane {
      let h = min(max(heat[i].isFinite ? heat[i] : 0, 0), 1), c = colorMap.color(at: h)
      let tint = [Double(c.red), Double(c.green), Double(c.blue)].map { $0 / 255 }
      for k in 0..<3 {
        out[k * plane + i] = (1 - opacity * h) * base[k * plane + i] + opacity * h * tint[k]
      }
    }
    return out
  }

  public func scene() -> Scene {
    let (w, h) = (image.width, image.height)
    let tiles: [ImageGrid.Tile] =
      isValid
      ? [
        ImageGrid.Tile(pixels: baseRGB(), width: w, height: h, channels: 3, caption: "input"),
        ImageGrid.Tile(pixels: heat, width: w, height: h, caption: "heat (Grad-CAM)"),
        ImageGrid.Tile(pixels: overlayRGB(), width: w, height: h, channels: 3, caption: "overlay"),
      ] : [ImageGrid.Tile(pixels: [], width: w, height: h, caption: "bad size")]
    var grid = ImageGrid(
      title: title, tiles: tiles, columns: 3, normalization: .shared, colorMap: colorMap,
      tileSize: panelSize)
    grid.fixedRange = (0, 1)
    return grid.scene()
  }
}

extension ColorMap {
  /// Dark blue through cyan, yellow to red: the usual Grad-CAM colouring.
  public static let heat = ColorMap(stops: [
    Color(hex: 0x000080), Color(hex: 0x0080FF), Color(hex: 0x40E0C0), Color(hex: 0xFFE000),
    Color(hex: 0xE00000),
  ])
}
