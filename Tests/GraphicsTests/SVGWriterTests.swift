import Foundation
import FoundationXML
import Testing

@testable import Graphics

/// Parses XML and collects element names and attributes in document order.
final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var text = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    elements.append((name, attributes))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  /// Parses `svg`; returns nil if it is not well-formed XML.
  static func parse(_ svg: String) -> ElementCollector? {
    let collector = ElementCollector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    return parser.parse() ? collector : nil
  }
}

func sampleScene() throws -> Scene {
  var scene = Scene(width: 120, height: 80)
  scene.add(
    .rectangle(Rect(x: 10, y: 10, width: 40, height: 20), cornerRadius: 4, style: .fill(.red)))
  scene.add(.circle(center: Point(80, 40), radius: 15, style: Style(fill: .blue, opacity: 0.5)))
  scene.add(
    .line(from: Point(0, 70), to: Point(120, 70), style: .stroke(.black, width: 2, dash: [4, 2])))
  var path = Path()
  path.moveTo(Point(5, 5))
  path.quadTo(Point(20, 5), control: Point(12, -0.001))
  path.cubicTo(Point(30, 30), control1: Point(25, 10), control2: Point(28, 20))
  path.close()
  scene.add(.path(path, Style(fill: Color(hex: 0x336699).withOpacity(0.25), stroke: .black)))
  scene.add(
    .text(
      Text(
        "a < b & \"c\"", at: Point(60, 60), fontSize: 11, anchor: .middle,
        weight: .bold, rotation: -90)))
  let image = try Bitmap(width: 2, height: 2, format: .gray, pixels: [0, 85, 170, 255])
  scene.add(
    .group(.translate(3, 4), [.image(image, frame: Rect(x: 0, y: 0, width: 20, height: 20))]))
  return scene
}

@Test func svgIsWellFormedAndHasTheExpectedElements() throws {
  let svg = SVGWriter().write(try sampleScene())
  let parsed = try #require(ElementCollector.parse(svg))
  #expect(
    parsed.elements.map(\.name)
      == ["svg", "rect", "rect", "circle", "polyline", "path", "text", "g", "image"])
  let root = parsed.elements[0].attributes
  #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
  #expect(root["version"] == "1.1" && root["width"] == "120" && root["viewBox"] == "0 0 120 80")
  #expect(parsed.elements[2].attributes["fill"] == "#ff0000")
  #expect(parsed.elements[2].attributes["rx"] == "4")
  #expect(parsed.elements[3].attributes["opacity"] == "0.5")
  #expect(parsed.elements[4].attributes["stroke-dasharray"] == "4,2")
  #expect(parsed.elements[5].attributes["fill-opacity"] == "0.251")
  #expect(parsed.elements[6].attributes["transform"] == "rotate(-90 60 60)")
  #expect(parsed.elements[7].attributes["transform"] == "translate(3,4)")
  #expect(parsed.text.contains("a < b & \"c\""))
}

@Test func svgNumbersAreFixedAndNeverNegativeZero() throws {
  let svg = SVGWriter().write(try sampleScene())
  #expect(!svg.contains("-0,") && !svg.contains("-0 ") && !svg.contains("\"-0\""))
  #expect(svg.contains("Q12,0 20,5"))
  #expect(SVGWriter().write(try sampleScene()) == svg)
}

@Test func svgEmbedsImagesAsPNGDataURLs() throws {
  let svg = SVGWriter().write(try sampleScene())
  let parsed = try #require(ElementCollector.parse(svg))
  let href = try #require(parsed.elements.last?.attributes["xlink:href"])
  let prefix = "data:image/png;base64,"
  #expect(href.hasPrefix(prefix))
  let bytes = try #require(Data(base64Encoded: String(href.dropFirst(prefix.count))))
  let decoded = try PNGDecoder.decode(Array(bytes))
  #expect(decoded.pixels == [0, 85, 170, 255])
}

@Test func aSceneTitleBecomesTheSVGTitle() throws {
  var scene = Scene(width: 10, height: 10)
  scene.title = "loss < 1"
  let parsed = try #require(ElementCollector.parse(SVGWriter().write(scene)))
  #expect(parsed.elements.map(\.name).prefix(2) == ["svg", "title"])
  #expect(parsed.text.contains("loss < 1"))
}
