import Graphics
import TextFormat

/// A grid of small images: convolution filters, feature maps or input samples.
///
/// Each tile is normalised to 0…1 (per image, over all tiles, or symmetrically about 0 for
/// signed weights), coloured through `colorMap` (one channel) or shown as RGB (three channels),
/// and enlarged by nearest neighbour by a whole factor so a 5×5 filter shows as crisp blocks.
/// A colour bar states the range. Tiles whose pixel count does not match their size show as
/// an empty box captioned "bad size".
///
/// ```swift
/// let filters = ImageGrid(
///   title: "conv1 filters",
///   tiles: weights.indices.map { ImageGrid.Tile(pixels: weights[$0], width: 5, height: 5,
///                                               caption: "filter \($0)") },
///   normalization: .symmetric, colorMap: .diverging)
/// ```
public struct ImageGrid: Figure {
  /// One image: pixel values row-major; for 3 channels planar (all red, then green, then blue),
  /// as in a CHW tensor.
  public struct Tile: Sendable, Hashable {
    /// `channels × height × width` values.
    public var pixels: [Double]
    /// Pixels per row.
    public var width: Int
    /// Rows.
    public var height: Int
    /// 1 (colour-mapped) or 3 (RGB).
    public var channels: Int
    /// Text under the tile.
    public var caption: String

    /// A tile from values.
    public init(pixels: [Double], width: Int, height: Int, channels: Int = 1, caption: String = "")
    {
      self.pixels = pixels
      self.width = width
      self.height = height
      self.channels = channels
      self.caption = caption
    }

    /// A tile from single-precision values (a tensor's storage).
    public init(
      floats pixels: [Float], width: Int, height: Int, channels: Int = 1, caption: String = ""
    ) {
      self.init(
        pixels: pixels.map(Double.init), width: width, height: height, channels: channels,
        caption: caption)
    }

    var isValid: Bool {
      width > 0 && height > 0 && (channels == 1 || channels == 3) && width <= 4096
        && height <= 4096 && pixels.count == width * height * channels
    }
  }

  /// How values become brightness.
  public enum Normalization: Sendable, Hashable {
    /// Each tile from its own minimum to its own maximum.
    case perImage
    /// All tiles from the overall minimum to the overall maximum.
    case shared
    /// All tiles from −m to m, m the largest magnitude: zero sits in the middle of the map.
    case symmetric
  }

  /// Title above the grid.
  public var title: String
  /// The images, left to right, top to bottom.
  public var tiles: [Tile]
  /// Tiles per row; `nil` picks about √n (at most 8).
  public var columns: Int?
  /// How values are scaled.
  public var normalization: Normalization
  /// Colours for one-channel tiles.
  public var colorMap: ColorMap
  /// The longest side of a tile on the canvas.
  public var tileSize: Double
  /// A value range stated by the caller (e.g. 0…1 for Grad-CAM heat), used instead of the
  /// tiles' own for `.shared` and `.symmetric`.
  public var fixedRange: (low: Double, high: Double)?

  /// A grid of tiles.
  public init(
    title: String = "", tiles: [Tile], columns: Int? = nil, normalization: Normalization = .shared,
    colorMap: ColorMap = .gray, tileSize: Double = 64
  ) {
    self.title = title
    self.tiles = tiles
    self.columns = columns
    self.normalization = normalization
    self.colorMap = colorMap
    self.tileSize = min(max(tileSize, 8), 512)
  }

  var columnCount: Int {
    if let columns { return min(max(columns, 1), max(shown.count, 1)) }
    var count = 1
    while count * count < shown.count && count < 8 { count += 1 }
    return count
  }

  /// At most this many tiles are drawn; a note says how many were left out.
  static let maxTiles = 128

  var shown: ArraySlice<Tile> { tiles.prefix(ImageGrid.maxTiles) }

  /// The title, plus "(first 128 of N)" when tiles were left out.
  var heading: String {
    guard tiles.count > ImageGrid.maxTiles else { return title }
    let note = "(first \(ImageGrid.maxTiles) of \(tiles.count))"
    return title.isEmpty ? note : "\(title) \(note)"
  }

  var cellWidth: Double { tileSize + 14 }
  var cellHeight: Double { tileSize + (tiles.contains { !$0.caption.isEmpty } ? 30 : 14) }

  /// The chart as a scene.
  public func scene() -> Scene {
    let columns = columnCount
    let rows = (shown.count + columns - 1) / columns
    let heading = heading
    let top = heading.isEmpty ? 10.0 : 36.0
    let range = sharedRange()
    let bar = colorBar(range)
    let gridWidth = Double(columns) * cellWidth
    let width = max(
      12 + gridWidth + (bar.map { 14 + $0.width } ?? 0) + 12,
      TextMetrics.width(of: heading, fontSize: Theme.titleSize) + 24)
    let height = top + Double(max(rows, 1)) * cellHeight + 6
    var scene = Scene(width: width, height: height)
    scene.title = heading
    for (index, tile) in shown.enumerated() {
      let cell = Point(
        12 + Double(index % columns) * cellWidth, top + Double(index / columns) * cellHeight)
      scene.add(contentsOf: tileElements(tile, cell: cell, range: range))
    }
    if let bar {
      let frame = Rect(
        x: 12 + gridWidth + 10, y: top + 7, width: ColorBar.barWidth,
        height: max(Double(rows) * cellHeight - 28, 48))
      scene.add(contentsOf: bar.elements(in: frame))
    }
    if !heading.isEmpty {
      scene.add(
        Theme.label(
          heading, centeredAt: Point(width / 2, 19), size: Theme.titleSize,
          weight: .bold))
    }
    return scene
  }

  /// The value range used for every tile, or `nil` for per-image scaling.
  func sharedRange() -> (low: Double, high: Double)? {
    let values = shown.filter(\.isValid).flatMap(\.pixels).filter(\.isFinite)
    if let fixedRange, normalization != .perImage { return fixedRange }
    switch normalization {
    case .perImage: return nil
    case .shared: return (values.min() ?? 0, values.max() ?? 1)
    case .symmetric:
      let m = values.map(abs).max() ?? 1
      return (-m, m)
    }
  }

  func colorBar(_ range: (low: Double, high: Double)?) -> ColorBar? {
    guard tiles.contains(where: { $0.channels == 1 }) else { return nil }
    guard let range else {
      return ColorBar(map: colorMap, low: "min", high: "max", caption: "per image")
    }
    return ColorBar(
      map: colorMap, low: NumberFormat.compact(range.low),
      high: NumberFormat.compact(range.high))
  }

  func tileElements(_ tile: Tile, cell: Point, range: (low: Double, high: Double)?) -> [Element] {
    var elements: [Element] = []
    let maxChars = Int(cellWidth / (Theme.smallSize * TextMetrics.advance))
    let caption = tile.isValid ? tile.caption : "bad size"
    let frame: Rect
    if tile.isValid, let bitmap = TileRenderer.bitmap(tile, range: range, map: colorMap) {
      let fit = tileSize / Double(max(tile.width, tile.height))
      let factor = fit >= 1 ? max(fit.rounded(.down), 1) : fit
      let (w, h) = (Double(tile.width) * factor, Double(tile.height) * factor)
      frame = Rect(
        x: cell.x + (cellWidth - w) / 2, y: cell.y + 7 + (tileSize - h) / 2, width: w, height: h)
      let whole = Int(factor)
      let shown = factor >= 2 && Double(whole) == factor ? bitmap.upscaled(by: whole) : bitmap
      elements.append(.image(shown, frame: frame))
    } else {
      frame = Rect(x: cell.x + 7, y: cell.y + 7, width: tileSize, height: tileSize)
    }
    elements.append(.rectangle(frame, style: .stroke(Color(hex: 0xBBBBBB), width: 0.75)))
    if !caption.isEmpty {
      elements.append(
        Theme.label(
          Theme.truncated(caption, to: maxChars),
          centeredAt: Point(cell.x + cellWidth / 2, cell.y + tileSize + 18),
          size: Theme.smallSize))
    }
    return elements
  }
}

/// Converts a tile's values into an RGB bitmap.
enum TileRenderer {
  static func bitmap(_ tile: ImageGrid.Tile, range: (low: Double, high: Double)?, map: ColorMap)
    -> Bitmap?
  {
    let finite = tile.pixels.filter(\.isFinite)
    let (low, high) = range ?? (finite.min() ?? 0, finite.max() ?? 1)
    let span = high > low ? high - low : 1
    func unit(_ v: Double) -> Double { v.isFinite ? (v - low) / span : 0 }
    let plane = tile.width * tile.height
    var bytes: [UInt8] = []
    bytes.reserveCapacity(plane * 3)
    for index in 0..<plane {
      if tile.channels == 3 {
        for channel in 0..<3 {
          bytes.append(
            UInt8(min(max(unit(tile.pixels[channel * plane + index]), 0), 1) * 255 + 0.5))
        }
      } else {
        let c = map.color(at: high > low ? unit(tile.pixels[index]) : 0.5)
        bytes += [c.red, c.green, c.blue]
      }
    }
    return try? Bitmap(width: tile.width, height: tile.height, format: .rgb, pixels: bytes)
  }
}
