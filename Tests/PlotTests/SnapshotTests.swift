import Graphics
import Plot
import TestSupport
import Testing

/// SVG text and a checksum of the rasterised pixels of each small figure, against the files in
/// Tests/PlotTests/Snapshots (re-record with RECORD_SNAPSHOTS=1 after an intended change, then
/// look at the pictures: scripts/render-gallery.sh).
@Test(arguments: SnapshotFigures.all().map(\.0))
func figureMatchesItsSnapshot(name: String) throws {
  let figure = try #require(SnapshotFigures.all().first { $0.0 == name }?.1)
  let svg = figure.svg()
  let svgMismatch = renderSnapshotMismatch(svg, named: "\(name).svg")
  #expect(svgMismatch == nil, "\(svgMismatch ?? "")")
  let bitmap = figure.bitmap(scale: 1)
  let summary = "\(bitmap.width)x\(bitmap.height) crc32 \(PNGEncoder.crc32(bitmap.pixels))\n"
  let pixelMismatch = renderSnapshotMismatch(summary, named: "\(name).pixels.txt")
  #expect(pixelMismatch == nil, "\(pixelMismatch ?? "")")
}

@Test func everySnapshotFigureShowsItsTexts() throws {
  for (name, figure, expected) in SnapshotFigures.all() {
    let document = try #require(SVGDocument.parse(figure.svg()), "\(name) is not XML")
    for text in expected {
      #expect(document.texts.contains(text), "\(name) lacks \(text)")
    }
  }
}
