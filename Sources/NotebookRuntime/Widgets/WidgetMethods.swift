import Display
import Foundation
import Lang

/// The methods of widgets: `onChange`, `onClick` (Button), `capture` and `clear` (Output).
enum WidgetMethods {
  static func methods(for widget: WidgetValue) -> [MethodSpec] {
    var methods: [MethodSpec] = []
    if widget.hasValue {
      methods.append(
        MethodSpec(
          name: "onChange", parameters: [P.positional("action", "(Any) -> Void")], returns: nil,
          doc: "Runs `action` with the new value each time the front end changes it."
        ) { [unowned widget] a in
          widget.changeHandlers.append(.language(try callable(a, "action")))
          return .void
        })
    }
    if widget.kind == .button {
      methods.append(
        MethodSpec(
          name: "onClick", parameters: [P.positional("action", "() -> Void")], returns: nil,
          doc: "Runs `action` each time the button is clicked."
        ) { [unowned widget] a in
          widget.clickHandlers.append(.language(try callable(a, "action")))
          return .void
        })
    }
    if widget.kind == .text {
      methods.append(
        MethodSpec(
          name: "onSubmit", parameters: [P.positional("action", "(String) -> Void")], returns: nil,
          doc: "Runs `action` with the text each time Enter is pressed in the box."
        ) { [unowned widget] a in
          widget.submitHandlers.append(.language(try callable(a, "action")))
          return .void
        })
    }
    if widget.kind == .output { methods += outputMethods(widget) }
    return methods
  }

  private static func outputMethods(_ widget: WidgetValue) -> [MethodSpec] {
    [
      MethodSpec(
        name: "capture", parameters: [P.positional("body", "() -> Any")], returns: nil,
        doc:
          "Runs `body` with its prints and displays going into this Output (by the request's msg_id)."
      ) { [unowned widget] a in
        let body = try callable(a, "body")
        return try widget.manager.capturing(into: widget) { try a.context.call(body, []) }
      },
      MethodSpec(name: "clear", parameters: [], returns: nil, doc: "Clears this Output.") {
        [unowned widget] a in
        widget.manager.capturing(into: widget) { a.context.sink.clearOutput(wait: false) }
        return .void
      },
    ]
  }

  /// The argument as a function value, or a TypeError.
  static func callable(_ a: Arguments, _ name: String) throws -> Value {
    switch a[name] {
    case .closure, .native: return a[name]
    default:
      throw HostError(
        "TypeError", "\(a.function) expects a function, got \(a[name].typeName)",
        hint: "pass a closure: { v in print(v) }")
    }
  }
}

/// The text form of widgets (`stride run`, `text/plain`).
enum WidgetText {
  static func describe(_ widget: WidgetValue) -> String {
    let state = widget.state
    let label = state["description"]?.stringValue ?? ""
    let prefix = label.isEmpty ? "" : label + ": "
    switch widget.kind {
    case .intSlider, .floatSlider, .intProgress, .intRangeSlider, .play:
      let low = state["min"]?.number ?? 0, high = state["max"]?.number ?? 0
      let range =
        widget.kind == .floatSlider
        ? "\(low)...\(high)" : "\(Int(low))...\(Int(high))"
      return "\(widget.kind.rawValue)(\(prefix)\(widget.value.debugDescription) in \(range))"
    case .floatLogSlider:
      let base = state["base"]?.number ?? 10
      let exponents = "\(base)^\(state["min"]?.number ?? 0)...\(base)^\(state["max"]?.number ?? 0)"
      return "FloatLogSlider(\(prefix)\(widget.value.debugDescription) in \(exponents))"
    case .checkbox, .dropdown, .toggleButtons, .radioButtons, .text:
      return "\(widget.kind.rawValue)(\(prefix)\(widget.value.debugDescription))"
    case .htmlMath: return plainText(ofHTML: widget.state["value"]?.stringValue ?? "")
    case .image: return "Image(\(widget.state.buffers["value"]?.count ?? 0) bytes of PNG)"
    case .gridBox: return "GridBox[" + widget.children.map(describe).joined(separator: " | ") + "]"
    case .tab:
      let titles = (widget.state["titles"]?.elements ?? []).compactMap(\.stringValue)
      return "Tab["
        + zip(titles, widget.children).map { "\($0): \(describe($1))" }.joined(separator: " | ")
        + "]"
    case .link: return "Link(\(widget.children.map(describe).joined(separator: " ↔ ")))"
    case .button: return "Button(\(label))"
    case .label: return "Label(\(widget.value.debugDescription))"
    case .html: return plainText(ofHTML: widget.state["value"]?.stringValue ?? "")
    case .output: return "Output"
    case .hbox: return "[" + widget.children.map(describe).joined(separator: " | ") + "]"
    case .vbox: return widget.children.map(describe).joined(separator: "\n")
    default: return "<\(widget.kind.rawValue)>"
    }
  }

  /// HTML as a reader sees it in a terminal: tags dropped (`<div>` and `<br>` end a line), the
  /// text of SVG pictures dropped, the usual entities decoded, blank lines removed.
  static func plainText(ofHTML html: String) -> String {
    var text = "", inTag = false, tag = "", inPicture = false
    for character in html {
      if character == "<" {
        inTag = true
        tag = ""
        continue
      }
      if inTag {
        if character == ">" {
          inTag = false
          if tag.hasPrefix("svg") {
            inPicture = true
          } else if tag.hasPrefix("/svg") {
            inPicture = false
          }
          if tag.hasPrefix("/div") || tag.hasPrefix("br") || tag.hasPrefix("/p") { text += "\n" }
        } else {
          tag.append(character)
        }
        continue
      }
      if !inPicture { text.append(character) }
    }
    for (entity, plain) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacingOccurrences(of: entity, with: plain)
    }
    return text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.joined(
      separator: "\n")
  }
}
