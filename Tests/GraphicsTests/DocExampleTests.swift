import Graphics
import Testing

/// The examples in Graphics doc comments, run as written.
@Test func sceneDocExampleRendersBothWays() {
  var scene = Scene(width: 40, height: 30)
  scene.add(.rectangle(Rect(x: 5, y: 5, width: 20, height: 10), style: .fill(.red)))
  scene.add(.text(Text("hi", at: Point(5, 28), fontSize: 10)))
  let svg = SVGWriter().write(scene)
  let bitmap = Rasterizer().render(scene)
  #expect(svg.contains("<rect x=\"5\" y=\"5\" width=\"20\" height=\"10\" fill=\"#ff0000\"/>"))
  #expect(bitmap.color(x: 10, y: 10) == .red)
}

@Test func pathDocExampleIsATriangle() {
  var triangle = Path()
  triangle.moveTo(Point(0, 0))
  triangle.lineTo(Point(10, 0))
  triangle.lineTo(Point(5, 8))
  triangle.close()
  #expect(triangle.commands.count == 4 && triangle.commands.last == .close)
}

@Test func pngEncoderDocExampleStartsWithTheSignature() throws {
  let bitmap = try Bitmap(width: 2, height: 1, format: .gray, pixels: [0, 255])
  let bytes = PNGEncoder.encode(bitmap)
  #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
}

@Test func rasterizerDocExampleDoublesTheSize() {
  let scene = Scene(width: 30, height: 20)
  let bitmap = Rasterizer(scale: 2).render(scene)
  let png = PNGEncoder.encode(bitmap)
  #expect(bitmap.width == 60 && bitmap.height == 40 && !png.isEmpty)
}
