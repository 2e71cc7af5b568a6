import TextFormat

/// Writes a `Scene` as a standalone SVG 1.1 document, byte-for-byte deterministic.
///
/// Numbers use `NumberFormat.fixed` (at most 2 decimals, 4 for transform matrices, never `-0`),
/// attributes come in a fixed order, text is XML-escaped, and images are embedded as
/// `data:image/png;base64,…`. Text uses a sans-serif font; layouts assume
/// `TextMetrics.width`, which a real sans-serif font does not exceed by much.
public struct SVGWriter: Sendable {
  /// The `font-family` written on every text element.
  public var fontFamily: String

  /// A writer; the default font list covers Linux, macOS and Windows.
  public init(fontFamily: String = "DejaVu Sans, Helvetica, Arial, sans-serif") {
    self.fontFamily = fontFamily
  }

  /// The SVG document for `scene`, starting with the XML declaration.
  public func write(_ scene: Scene) -> String {
    let (w, h) = (number(max(scene.width, 0)), number(max(scene.height, 0)))
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\""
    out += " xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\""
    out += " width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">\n"
    if !scene.title.isEmpty {
      out += "<title>\(Markup.escape(scene.title))</title>\n"
    }
    if let background = scene.background {
      out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\"\(paint("fill", background))/>\n"
    }
    for element in scene.elements { write(element, into: &out, depth: 1) }
    out += "</svg>\n"
    return out
  }

  func write(_ element: Element, into out: inout String, depth: Int) {
    out += String(repeating: " ", count: depth)
    switch element {
    case .path(let path, let style):
      out += "<path d=\"\(pathData(path))\"\(attributes(style))/>\n"
    case .rectangle(let rect, let radius, let style):
      out += "<rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\""
      out += " width=\"\(number(max(rect.width, 0)))\" height=\"\(number(max(rect.height, 0)))\""
      if radius > 0 { out += " rx=\"\(number(radius))\"" }
      out += "\(attributes(style))/>\n"
    case .ellipse(let center, let rx, let ry, let style):
      out += ellipse(center, rx, ry) + "\(attributes(style))/>\n"
    case .polyline(let points, let style):
      out += "<polyline points=\"\(pointList(points))\"\(attributes(style))/>\n"
    case .text(let text):
      out += self.text(text) + "\n"
    case .image(let bitmap, let frame):
      out += image(bitmap, frame) + "\n"
    case .group(let transform, let elements):
      out += "<g transform=\"\(transformText(transform))\">\n"
      for child in elements { write(child, into: &out, depth: depth + 1) }
      out += String(repeating: " ", count: depth) + "</g>\n"
    case .titled(let title, let elements):
      out += "<g>\n" + String(repeating: " ", count: depth + 1)
      out += "<title>\(Markup.escape(title))</title>\n"
      for child in elements { write(child, into: &out, depth: depth + 1) }
      out += String(repeating: " ", count: depth) + "</g>\n"
    }
  }

  // MARK: - Elements

  func ellipse(_ center: Point, _ rx: Double, _ ry: Double) -> String {
    let position = "cx=\"\(number(center.x))\" cy=\"\(number(center.y))\""
    if rx == ry { return "<circle \(position) r=\"\(number(max(rx, 0)))\"" }
    return "<ellipse \(position) rx=\"\(number(max(rx, 0)))\" ry=\"\(number(max(ry, 0)))\""
  }

  func text(_ text: Text) -> String {
    var out = "<text x=\"\(number(text.position.x))\" y=\"\(number(text.position.y))\""
    out += " font-family=\"\(Markup.escape(fontFamily))\" font-size=\"\(number(text.fontSize))\""
    if text.anchor != .start { out += " text-anchor=\"\(text.anchor.rawValue)\"" }
    if text.weight == .bold { out += " font-weight=\"bold\"" }
    out += paint("fill", text.color)
    if text.rotation != 0 {
      out += " transform=\"rotate(\(number(text.rotation)) \(number(text.position.x))"
      out += " \(number(text.position.y)))\""
    }
    return out + " xml:space=\"preserve\">\(Markup.escape(text.string))</text>"
  }

  func image(_ bitmap: Bitmap, _ frame: Rect) -> String {
    var out = "<image x=\"\(number(frame.x))\" y=\"\(number(frame.y))\""
    out += " width=\"\(number(frame.width))\" height=\"\(number(frame.height))\""
    out += " preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\""
    out += " style=\"image-rendering:pixelated\""
    out += " xlink:href=\"data:image/png;base64,"
    return out + Base64.encode(PNGEncoder.encode(bitmap)) + "\"/>"
  }

  // MARK: - Attributes

  func attributes(_ style: Style) -> String {
    var out = style.fill.map { paint("fill", $0) } ?? " fill=\"none\""
    if let stroke = style.stroke, style.strokeWidth > 0 {
      out += paint("stroke", stroke)
      out += " stroke-width=\"\(number(style.strokeWidth))\""
      out += " stroke-linejoin=\"round\" stroke-linecap=\"round\""
      if !style.dash.isEmpty, style.dash.allSatisfy({ $0 >= 0 }),
        style.dash.contains(where: { $0 > 0 })
      {
        out += " stroke-dasharray=\"\(style.dash.map(number).joined(separator: ","))\""
      }
    }
    if style.opacity < 1 { out += " opacity=\"\(number(max(style.opacity, 0), digits: 3))\"" }
    return out
  }

  /// ` name="#rrggbb"`, plus `name-opacity` when the colour is translucent.
  func paint(_ name: String, _ color: Color) -> String {
    var out = " \(name)=\"\(color.hexString)\""
    if color.alpha < 255 {
      out += " \(name)-opacity=\"\(number(Double(color.alpha) / 255, digits: 3))\""
    }
    return out
  }

  func pathData(_ path: Path) -> String {
    path.commands.map { command -> String in
      switch command {
      case .moveTo(let p): "M\(pair(p))"
      case .lineTo(let p): "L\(pair(p))"
      case .quadTo(let p, let c): "Q\(pair(c)) \(pair(p))"
      case .cubicTo(let p, let c1, let c2): "C\(pair(c1)) \(pair(c2)) \(pair(p))"
      case .close: "Z"
      }
    }.joined(separator: " ")
  }

  func transformText(_ t: Transform) -> String {
    if t.b == 0 && t.c == 0 {
      let translate = "translate(\(number(t.e)),\(number(t.f)))"
      if t.a == 1 && t.d == 1 { return translate }
      return translate + " scale(\(number(t.a, digits: 4)),\(number(t.d, digits: 4)))"
    }
    let entries = [t.a, t.b, t.c, t.d].map { number($0, digits: 4) } + [number(t.e), number(t.f)]
    return "matrix(\(entries.joined(separator: ",")))"
  }

  func pointList(_ points: [Point]) -> String {
    points.map(pair).joined(separator: " ")
  }

  func pair(_ p: Point) -> String { "\(number(p.x)),\(number(p.y))" }

  func number(_ value: Double) -> String { number(value, digits: 2) }

  /// SVG has no NaN or infinity: a non-finite coordinate is written as 0.
  func number(_ value: Double, digits: Int) -> String {
    value.isFinite ? NumberFormat.fixed(value, maxFractionDigits: digits) : "0"
  }
}
