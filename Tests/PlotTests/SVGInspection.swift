import Foundation
import FoundationXML
import Graphics

/// The elements of an SVG document, parsed with Foundation's XMLParser.
final class SVGDocument: NSObject, XMLParserDelegate {
  struct Node {
    var name: String
    var attributes: [String: String]
    var text: String
  }

  private(set) var nodes: [Node] = []
  private var insideText = false

  /// Parses `svg`; `nil` if it is not well-formed XML.
  static func parse(_ svg: String) -> SVGDocument? {
    let document = SVGDocument()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = document
    return parser.parse() ? document : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    nodes.append(Node(name: name, attributes: attributes, text: ""))
    insideText = name == "text"
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    insideText = false
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard insideText, let last = nodes.indices.last else { return }
    nodes[last].text += string
  }

  func all(_ name: String) -> [Node] { nodes.filter { $0.name == name } }

  /// The strings of all text elements.
  var texts: [String] { all("text").map(\.text) }
}

/// Every `.text` element in a scene, recursively through groups.
func texts(in elements: [Element]) -> [Text] {
  elements.flatMap { element -> [Text] in
    switch element {
    case .text(let text): [text]
    case .group(_, let children), .titled(_, let children): texts(in: children)
    default: []
    }
  }
}

/// Every image element in a scene, recursively.
func images(in elements: [Element]) -> [(Bitmap, Rect)] {
  elements.flatMap { element -> [(Bitmap, Rect)] in
    switch element {
    case .image(let bitmap, let frame): [(bitmap, frame)]
    case .group(_, let children), .titled(_, let children): images(in: children)
    default: []
    }
  }
}
