import Testing

@testable import Graphics

func render(_ elements: [Element], width: Double = 40, height: Double = 30, scale: Double = 1)
  -> Bitmap
{
  Rasterizer(scale: scale).render(Scene(width: width, height: height, elements: elements))
}

@Test func aRedRectangleHasExactlyRedPixelsInsideAndWhiteOutside() {
  let bitmap = render([.rectangle(Rect(x: 10, y: 5, width: 12, height: 8), style: .fill(.red))])
  #expect(bitmap.width == 40 && bitmap.height == 30 && bitmap.format == .rgba)
  for y in 0..<30 {
    for x in 0..<40 {
      let inside = (10..<22).contains(x) && (5..<13).contains(y)
      #expect(bitmap.color(x: x, y: y) == (inside ? .red : .white), "pixel \(x),\(y)")
    }
  }
}

@Test func aHalfCoveredEdgePixelIsHalfBlended() {
  let bitmap = render([.rectangle(Rect(x: 10.5, y: 5, width: 10, height: 10), style: .fill(.black))]
  )
  #expect(bitmap.color(x: 10, y: 8) == Color(gray: 128))
  #expect(bitmap.color(x: 11, y: 8) == .black)
  #expect(bitmap.color(x: 9, y: 8) == .white)
}

@Test func aCircleCoversItsArea() {
  let bitmap = render([.circle(center: Point(20, 15), radius: 10, style: .fill(.black))])
  var covered = 0.0
  var partial = 0
  for y in 0..<30 {
    for x in 0..<40 {
      let level = Double(bitmap.color(x: x, y: y).red)
      covered += 1 - level / 255
      if level > 0 && level < 255 { partial += 1 }
    }
  }
  #expect(abs(covered - Double.pi * 100) < 2, "area \(covered)")
  #expect(partial > 20, "anti-aliased rim")
}

@Test func strokesHaveTheirWidthAndDashesLeaveGaps() {
  let solid = render([
    .line(from: Point(0, 10), to: Point(40, 10), style: .stroke(.black, width: 4))
  ])
  #expect(solid.color(x: 20, y: 8) == .black && solid.color(x: 20, y: 11) == .black)
  #expect(solid.color(x: 20, y: 6) == .white && solid.color(x: 20, y: 12) == .white)
  let dashed = render([
    .line(from: Point(0, 10), to: Point(40, 10), style: .stroke(.black, width: 2, dash: [10, 10]))
  ])
  #expect(dashed.color(x: 5, y: 9).red < 40)
  #expect(dashed.color(x: 15, y: 9) == .white)
  #expect(dashed.color(x: 25, y: 9).red < 40)
}

@Test func opacityBlendsOverTheBackground() {
  let bitmap = render([
    .rectangle(
      Rect(x: 0, y: 0, width: 40, height: 30),
      style: Style(fill: .blue, opacity: 0.5))
  ])
  #expect(bitmap.color(x: 3, y: 3) == Color(red: 128, green: 128, blue: 255))
}

@Test func groupsTranslateAndScaleTheirChildren() {
  let square = Element.rectangle(Rect(x: 0, y: 0, width: 5, height: 5), style: .fill(.red))
  let bitmap = render([.group(Transform.scale(2, 2).then(.translate(10, 10)), [square])])
  #expect(bitmap.color(x: 10, y: 10) == .red && bitmap.color(x: 19, y: 19) == .red)
  #expect(bitmap.color(x: 20, y: 20) == .white && bitmap.color(x: 9, y: 9) == .white)
}

@Test func scaleEnlargesTheBitmap() {
  let bitmap = render(
    [.rectangle(Rect(x: 1, y: 1, width: 2, height: 2), style: .fill(.red))],
    width: 10, height: 5, scale: 2)
  #expect(bitmap.width == 20 && bitmap.height == 10)
  #expect(bitmap.color(x: 2, y: 2) == .red && bitmap.color(x: 5, y: 5) == .red)
  #expect(bitmap.color(x: 6, y: 6) == .white)
}

@Test func imagesAreSampledByNearestNeighbour() throws {
  let image = try Bitmap(width: 2, height: 1, format: .rgb, pixels: [255, 0, 0, 0, 0, 255])
  let bitmap = render([.image(image, frame: Rect(x: 4, y: 4, width: 8, height: 4))])
  #expect(bitmap.color(x: 4, y: 4) == .red && bitmap.color(x: 7, y: 7) == .red)
  #expect(bitmap.color(x: 8, y: 4) == .blue && bitmap.color(x: 11, y: 7) == .blue)
  #expect(bitmap.color(x: 12, y: 4) == .white)
}

@Test func textDrawsGlyphCellsOnTheBaseline() {
  // At font size 10 one font unit is one pixel: "I" is a 3-wide bar of 7 rows above y = 20.
  let bitmap = render([.text(Text("I", at: Point(10, 20), fontSize: 10))])
  var dark: [(Int, Int)] = []
  for y in 0..<30 {
    for x in 0..<40 where bitmap.color(x: x, y: y) == .black { dark.append((x, y)) }
  }
  #expect(dark.count == 3 + 5 + 3)
  #expect(dark.allSatisfy { (10..<15).contains($0.0) && (13..<20).contains($0.1) })
}

@Test func anchoredAndRotatedTextStaysAroundItsPosition() {
  let middle = render([.text(Text("HI", at: Point(20, 20), fontSize: 10, anchor: .middle))])
  #expect(middle.color(x: 14, y: 16) == .black)  // H's left bar starts at 20 - 6
  let rotated = render([.text(Text("HI", at: Point(20, 25), fontSize: 10, rotation: -90))])
  var minY = 30, maxX = 0
  for y in 0..<30 {
    for x in 0..<40 where rotated.color(x: x, y: y) == .black {
      minY = min(minY, y)
      maxX = max(maxX, x)
    }
  }
  #expect(minY >= 13 && minY <= 15 && maxX <= 20)
}

@Test func unknownCharactersDrawAsQuestionMarks() {
  let unknown = render([.text(Text("\u{2603}", at: Point(5, 20), fontSize: 10))])
  let question = render([.text(Text("?", at: Point(5, 20), fontSize: 10))])
  #expect(unknown == question)
}

@Test func symbolsUsedInLabelsHaveGlyphs() {
  let question = render([.text(Text("?", at: Point(5, 20), fontSize: 10))])
  for symbol in ["‖", "∇", "→", "×", "≤", "η", "µ", "°"] {
    let drawn = render([.text(Text(symbol, at: Point(5, 20), fontSize: 10))])
    #expect(drawn != question, "\(symbol) has no glyph")
  }
}

@Test(arguments: [1.0, 1.5, 2.0, 2.5])
func textKeepsItsMetricWidthAtAnyScale(scale: Double) {
  // "HHHH" at size 11: four 0.6 em advances, the last without its blank column: 23 units of 1.1.
  let bitmap = render([.text(Text("HHHH", at: Point(4, 20), fontSize: 11))], scale: scale)
  var (left, right) = (Int.max, Int.min)
  for y in 0..<bitmap.height {
    for x in 0..<bitmap.width where bitmap.color(x: x, y: y).red < 128 {
      (left, right) = (min(left, x), max(right, x))
    }
  }
  let expected = 23 * 1.1 * scale
  #expect(abs(Double(right - left + 1) - expected) <= 0.2 * expected, "width at scale \(scale)")
}

@Test func whitespaceDrawsAsSpace() {
  let tabbed = render([.text(Text("a\tb", at: Point(5, 20), fontSize: 10))])
  let spaced = render([.text(Text("a b", at: Point(5, 20), fontSize: 10))])
  #expect(tabbed == spaced)
}
