import Foundation
import Graphics
import Plot

/// Renders one example of every Plot figure to `<folder>/<name>.svg` and `.png`.
///
/// Usage: `swift run stride-gallery [folder]` (default `out/gallery`), or `--bench` to time
/// one live-dashboard update (SVG + PNG at 2x), as the runtime does ~4 times a second. The
/// data are synthetic and deterministic (fixed formulas and a seeded generator), so the
/// pictures are reproducible. Besides `<name>.png` (2x) it writes `@1x` and `@1.5x` PNGs.
@main
struct Gallery {
  static func main() throws {
    let arguments = CommandLine.arguments
    if arguments.dropFirst().first == "--bench" {
      bench()
      return
    }
    let folder = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "out/gallery")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, figure) in GalleryExamples.all() {
      try Data(figure.svg().utf8).write(to: folder.appendingPathComponent("\(name).svg"))
      try Data(figure.png(scale: 2)).write(to: folder.appendingPathComponent("\(name).png"))
      try Data(figure.png(scale: 1)).write(to: folder.appendingPathComponent("\(name)@1x.png"))
      try Data(figure.png(scale: 1.5)).write(to: folder.appendingPathComponent("\(name)@1.5x.png"))
      print("wrote \(name).svg, \(name).png, \(name)@1x.png")
    }
  }
}

extension Gallery {
  /// Times the dashboard update: build scene, write SVG, rasterise at 2x, encode PNG.
  static func bench() {
    let dashboard = GalleryExamples.dashboard(finished: true)
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<10 {
      let start = clock.now
      let svg = dashboard.svg()
      let png = dashboard.png(scale: 2)
      let elapsed = clock.now - start
      times.append(
        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
      precondition(!svg.isEmpty && !png.isEmpty, "empty output")
    }
    let parts: [(String, () -> Void)] = [
      ("scene", { _ = dashboard.scene() }),
      ("svg", { _ = dashboard.svg() }),
      ("rasterise@2x", { _ = dashboard.bitmap(scale: 2) }),
      ("png encode", { [bitmap = dashboard.bitmap(scale: 2)] in _ = PNGEncoder.encode(bitmap) }),
      (
        "live update: svg + png(scale: 1, compressionLevel: 1)",
        {
          _ = dashboard.svg()
          _ = dashboard.png(scale: 1, compressionLevel: 1)
        }
      ),
    ]
    for (name, work) in parts {
      let start = clock.now
      for _ in 0..<5 { work() }
      print("  \(name): \((clock.now - start) / 5)")
    }
    let sorted = times.sorted()
    let summary = "median \(Int(sorted[5])) ms, min \(Int(sorted[0])) ms"
    print("dashboard update (svg + png@2x, 2345 batches): \(summary)")
  }
}
