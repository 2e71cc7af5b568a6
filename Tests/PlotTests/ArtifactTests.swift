import Foundation
import Graphics
import Plot
import TestSupport
import Testing

/// Writes every figure type as SVG and PNG (with raw RGBA) for the Pillow / XML integration test.
@Test func writesEveryFigureForTheIntegrationTest() throws {
  let folder = try renderArtifactsFolder("plot")
  var entries: [[String: Any]] = []
  for (name, figure, expected) in SnapshotFigures.all() {
    let bitmap = figure.bitmap(scale: 1)
    try Data(PNGEncoder.encode(bitmap)).write(to: folder.appendingPathComponent("\(name).png"))
    try Data(bitmap.pixels).write(to: folder.appendingPathComponent("\(name).raw"))
    try Data(figure.svg().utf8).write(to: folder.appendingPathComponent("\(name).svg"))
    entries.append([
      "png": "\(name).png", "raw": "\(name).raw", "mode": "RGBA",
      "width": bitmap.width, "height": bitmap.height,
    ])
    entries.append(["svg": "\(name).svg", "texts": expected])
  }
  let json = try JSONSerialization.data(
    withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
  try json.write(to: folder.appendingPathComponent("manifest.json"))
  #expect(entries.count == 2 * SnapshotFigures.all().count)
}
