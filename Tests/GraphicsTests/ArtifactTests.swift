import Foundation
import Graphics
import TestSupport
import Testing

/// Writes PNGs with their exact expected pixels for Tests/integration/test_graphics_png.py,
/// which decodes them with Pillow (an independent decoder). `swift test` must run first.
@Test func writesPNGsAndRawPixelsForPillow() throws {
  let folder = try renderArtifactsFolder("graphics")
  var entries: [[String: Any]] = []
  let formats: [(PixelFormat, String)] = [(.gray, "L"), (.rgb, "RGB"), (.rgba, "RGBA")]
  for (format, mode) in formats {
    let bytes = seededBytes(41 * 29 * format.channels, seed: UInt32(7 + format.channels))
    let bitmap = try Bitmap(width: 41, height: 29, format: format, pixels: bytes)
    entries.append(try write(bitmap, name: "random-\(mode)", mode: mode, to: folder))
  }
  let rendered = Rasterizer(scale: 2).render(try sampleScene())
  entries.append(try write(rendered, name: "scene", mode: "RGBA", to: folder))
  let svg = SVGWriter().write(try sampleScene())
  try Data(svg.utf8).write(to: folder.appendingPathComponent("scene.svg"))
  entries.append([
    "svg": "scene.svg", "elements": ["rect", "circle", "polyline", "path", "text", "g", "image"],
  ])
  let json = try JSONSerialization.data(
    withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
  try json.write(to: folder.appendingPathComponent("manifest.json"))
  #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("scene.png").path))
}

/// Writes `<name>.png` and `<name>.raw` (the bitmap's bytes); returns the manifest entry.
func write(_ bitmap: Bitmap, name: String, mode: String, to folder: URL) throws -> [String: Any] {
  try Data(PNGEncoder.encode(bitmap)).write(to: folder.appendingPathComponent("\(name).png"))
  try Data(bitmap.pixels).write(to: folder.appendingPathComponent("\(name).raw"))
  return [
    "png": "\(name).png", "raw": "\(name).raw", "mode": mode, "width": bitmap.width,
    "height": bitmap.height,
  ]
}
