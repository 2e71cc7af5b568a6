import Display
import Graphics
import Lang

/// The widgets added after the first ones: `FloatLogSlider`, `IntRangeSlider`, `ToggleButtons`,
/// `RadioButtons`, `Text`, `HTMLMath`, `ImageWidget`, `GridBox`, `Tab`, `Play` and `jslink`.
enum WidgetModelBuiltins {
  static func register(_ r: Registrar, _ m: WidgetManager) {
    registerSliders(r, m)
    registerChoices(r, m)
    registerContainers(r, m)
    r.add(
      "Text",
      [
        P.labelled("value", "String", default: .string("")),
        P.labelled("placeholder", "String", default: .string("")),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "Text",
      doc:
        "A line of text to type; `.value` follows the front end, `.onSubmit { text in … }` runs on Enter.",
      example: "Text(placeholder: \"a name\", description: \"model\")"
    ) { a in
      let hint = try a.string("placeholder")
      return .host(
        WidgetValue(
          .text, manager: m,
          state: [
            "value": .string(try a.string("value")),
            "placeholder": .string(hint.isEmpty ? "\u{200B}" : hint),
            "description": .string(try a.string("description")),
          ]))
    }
    r.add(
      "HTMLMath", [P.positional("html", "String", default: .string(""))], returns: "HTMLMath",
      doc: "HTML with LaTeX between $…$ (typeset by the front end); set `.value` to change it.",
      example: "HTMLMath(\"$W' = (W - F + 2P)/S + 1$\")"
    ) { a in
      .host(WidgetValue(.htmlMath, manager: m, state: ["value": .string(try a.string("html"))]))
    }
    r.add(
      "ImageWidget",
      [P.positional("image", "Tensor"), P.labelled("width", "Int?", default: .null)],
      returns: "ImageWidget",
      doc:
        "A picture of an image-shaped tensor ([H, W], [1, H, W] or [3, H, W], 8 ≤ H, W ≤ 2048) sent as PNG bytes; set `.value` to another tensor to change it.",
      example: "ImageWidget(Tensor.zeros([28, 28]), width: 112)"
    ) { a in
      let png = try ImageBytes.png(a["image"], function: "ImageWidget")
      let width = try a.optionalInt("width").map { JSONValue.string("\($0)") } ?? ""
      return .host(
        WidgetValue(.image, manager: m, state: ["width": width], buffers: ["value": png]))
    }
    r.add(
      "jslink",
      [
        P.positional("source", "Widget"), P.positional("target", "Widget"),
        P.labelled("attribute", "String", default: .string("value")),
      ], returns: "Link",
      doc:
        "Links an attribute of two widgets in the front end (a LinkModel): `jslink(play, slider)` lets a Play move a slider with no kernel round trip.",
      example: "jslink(Play(in: 0...9), IntSlider(in: 0...9))"
    ) { a in
      .host(try link(a, m))
    }
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerSliders(_ r: Registrar, _ m: WidgetManager) {
    r.add(
      "FloatLogSlider",
      [
        P.labelled("value", "Double", default: .double(1)),
        P.labelled("min", "Double", default: .double(0)),
        P.labelled("max", "Double", default: .double(4)),
        P.labelled("base", "Double", default: .double(10)),
        P.labelled("step", "Double", default: .double(0.1)),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "FloatLogSlider",
      doc:
        "A slider on a log scale: `value` from base^min to base^max (min, max and step are exponents).",
      example: "FloatLogSlider(value: 0.01, min: -4, max: 0, description: \"lr\")"
    ) { a in
      let (low, high, base, step) = (
        try a.double("min"), try a.double("max"), try a.double("base"), try a.double("step")
      )
      guard [low, high, base, step].allSatisfy(\.isFinite), low <= high, base > 1, step > 0 else {
        throw HostError(
          "ValueError", "FloatLogSlider needs finite min ≤ max (exponents), base > 1 and step > 0")
      }
      let value = try a.double("value")
      guard value > 0, value.isFinite else {
        throw HostError("ValueError", "FloatLogSlider: value must be > 0, got \(value)")
      }
      let state = WidgetState.clamp([
        "value": .double(value), "min": .double(low), "max": .double(high), "base": .double(base),
      ])
      return .host(
        WidgetValue(
          .floatLogSlider, manager: m,
          state: state.merging([
            "step": .double(step), "description": .string(try a.string("description")),
          ]) { $1 }))
    }
    r.add(
      "IntRangeSlider",
      [
        P.labelled("value", "ClosedRange<Int>"),
        Parameter(
          label: "in", name: "range", type: "ClosedRange<Int>",
          default: .range(RangeValue(lower: 0, upper: 100, isClosed: true))),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "IntRangeSlider", doc: "A slider with two handles; `.value` is a ClosedRange<Int>.",
      example: "IntRangeSlider(value: 2...5, in: 0...9, description: \"rows\")"
    ) { a in
      let (low, high) = try WidgetBuiltins.bounds(a, "range")
      let (from, to) = try WidgetBuiltins.bounds(a, "value")
      let state = WidgetState.clamp([
        "value": [.int(from), .int(to)], "min": .int(low), "max": .int(high),
      ])
      return .host(
        WidgetValue(
          .intRangeSlider, manager: m,
          state: state.merging([
            "description": .string(try a.string("description"))
          ]) { $1 }))
    }
    r.add(
      "Play",
      [
        P.labelled("value", "Int", default: .int(0)),
        Parameter(
          label: "in", name: "range", type: "ClosedRange<Int>",
          default: .range(RangeValue(lower: 0, upper: 100, isClosed: true))),
        P.labelled("step", "Int", default: .int(1)),
        P.labelled("interval", "Int", default: .int(100)),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "Play",
      doc:
        "Play/pause/stop buttons that step `.value` every `interval` ms in the front end; `jslink` it to a slider.",
      example: "Play(in: 0...8, interval: 300)"
    ) { a in
      let (low, high) = try WidgetBuiltins.bounds(a, "range")
      let (step, interval) = (
        try WidgetBuiltins.exact(a, "step"), try WidgetBuiltins.exact(a, "interval")
      )
      guard step >= 1, interval >= 1 else {
        throw HostError("ValueError", "Play: step and interval must be ≥ 1")
      }
      return .host(
        WidgetValue(
          .play, manager: m,
          state: [
            "value": .int(min(max(try WidgetBuiltins.exact(a, "value"), low), high)),
            "min": .int(low), "max": .int(high),
            "step": .int(step), "interval": .int(interval),
            "description": .string(try a.string("description")),
          ]))
    }
  }

  private static func registerChoices(_ r: Registrar, _ m: WidgetManager) {
    for (kind, example) in [
      (WidgetKind.toggleButtons, "ToggleButtons([\"max\", \"average\"], value: \"max\")"),
      (.radioButtons, "RadioButtons([\"valid\", \"same\"], description: \"padding\")"),
    ] {
      r.add(
        kind.rawValue,
        [
          P.positional("options", "[String]"), P.labelled("value", "String?", default: .null),
          P.labelled("description", "String", default: .string("")),
        ],
        returns: kind.rawValue,
        doc:
          "A choice among `options` shown as \(kind == .toggleButtons ? "buttons" : "radio buttons"); `.value` is the chosen String.",
        example: example
      ) { a in
        try WidgetBuiltins.choice(kind, a, m)
      }
    }
  }

  private static func registerContainers(_ r: Registrar, _ m: WidgetManager) {
    r.add(
      "GridBox",
      [P.positional("children", "[Widget]"), P.labelled("columns", "Int", default: .int(2))],
      returns: "GridBox",
      doc: "Widgets in a grid of `columns` columns (CSS grid, row by row).",
      example: "GridBox([Label(\"W\"), IntSlider(), Label(\"F\"), IntSlider()], columns: 2)"
    ) { a in
      let columns = try a.int("columns")
      guard (1...64).contains(columns) else {
        throw HostError("ValueError", "GridBox: columns must be in 1...64, got \(columns)")
      }
      let box = WidgetValue(.gridBox, manager: m)
      box.children = try WidgetBuiltins.widgets(a, "children")
      box.layout?.state.set("grid_template_columns", .string("repeat(\(columns), auto)"))
      return .host(box)
    }
    r.add(
      "Tab",
      [
        P.positional("children", "[Widget]"), P.labelled("titles", "[String]", default: .array([])),
      ], returns: "Tab",
      doc:
        "Widgets on tabs, one shown at a time; `.selectedIndex` (and `.value`) is the tab shown, `.onChange` runs when it changes.",
      example: "Tab([IntSlider(), Button(\"Go\")], titles: [\"size\", \"run\"])"
    ) { a in
      let children = try WidgetBuiltins.widgets(a, "children")
      var titles = try a.optionalStrings("titles") ?? []
      guard titles.count <= children.count else {
        throw HostError("ValueError", "Tab: \(titles.count) titles for \(children.count) tabs")
      }
      titles += Array(repeating: "", count: children.count - titles.count)
      let tab = WidgetValue(
        .tab, manager: m,
        state: [
          "titles": .array(titles.map { .string($0) }),
          "selected_index": children.isEmpty ? JSONValue.null : .int(0),
        ])
      tab.children = children
      return .host(tab)
    }
  }

  private static func link(_ a: Arguments, _ m: WidgetManager) throws -> WidgetValue {
    let attribute = try a.string("attribute")
    let ends = try ["source", "target"].map { name -> WidgetValue in
      guard let widget = a[name].host(as: WidgetValue.self), widget.kind.isDOMWidget else {
        throw HostError("TypeError", "jslink: '\(name)' expects a widget, got \(a[name].typeName)")
      }
      guard widget.state[attribute] != nil else {
        throw HostError(
          "ValueError", "jslink: \(widget.kind.rawValue) has no attribute '\(attribute)'")
      }
      return widget
    }
    let link = WidgetValue(
      .link, manager: m,
      state: [
        "source": [.string("IPY_MODEL_" + ends[0].id), .string(attribute)],
        "target": [.string("IPY_MODEL_" + ends[1].id), .string(attribute)],
      ])
    link.children = ends
    m.open(link)
    return link
  }
}

/// PNG bytes for an Image widget.
enum ImageBytes {
  /// The PNG of an image-shaped tensor, or a TypeError naming `function`.
  static func png(_ value: Value, function: String) throws -> [UInt8] {
    guard let tensor = value.host(as: TensorValue.self)?.tensor else {
      throw HostError(
        "TypeError", "\(function) expects an image-shaped Tensor, got \(value.typeName)")
    }
    guard let bitmap = TensorImage.bitmap(tensor) else {
      throw HostError(
        "ValueError", "\(function): a tensor of shape \(tensor.shape) is not an image",
        hint: "use [H, W], [1, H, W] or [3, H, W] with 8 ≤ H, W ≤ 2048")
    }
    return PNGEncoder.encode(bitmap)
  }
}
