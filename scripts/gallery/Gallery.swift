import Foundation
import Graphics
import Plot

/// Renders one example of every Plot figure to `<folder>/<name>.svg` and `.png`.
///
/// Usage: `swift run stride-gallery [folder]` (default `out/gallery`). The data are synthetic and
/// deterministic (fixed formulas and a seeded generator), so the pictures are reproducible.
@main
struct Gallery {
  static func main() throws {
    let arguments = CommandLine.arguments
    let folder = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "out/gallery")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, figure) in GalleryExamples.all() {
      try Data(figure.svg().utf8).write(to: folder.appendingPathComponent("\(name).svg"))
      try Data(figure.png(scale: 2)).write(to: folder.appendingPathComponent("\(name).png"))
      try Data(figure.png(scale: 1)).write(to: folder.appendingPathComponent("\(name)@1x.png"))
      print("wrote \(name).svg, \(name).png, \(name)@1x.png")
    }
  }
}
