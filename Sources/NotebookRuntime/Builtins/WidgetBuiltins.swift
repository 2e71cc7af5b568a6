import Display
import Lang

/// The widgets of the cells: `IntSlider`, `FloatSlider`, `Checkbox`, `Dropdown`, `Button`,
/// `Label`, `HTMLWidget`, `Output`, `HBox`, `VBox`, `IntProgress`, `interact` and the explorers
/// (more models in `WidgetModelBuiltins`).
enum WidgetBuiltins {
  static func register(_ r: Registrar, _ manager: WidgetManager) {
    registerControls(r, manager)
    registerDisplays(r, manager)
    WidgetModelBuiltins.register(r, manager)
    PoolingExplorer.register(r, manager)
    r.session.define("interact", .host(InteractFunction(manager: manager)))
    r.add(
      "convolutionExplorer",
      [
        P.labelled("input", "Int", default: .int(7)), P.labelled("kernel", "Int", default: .int(3)),
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("stride", "Int", default: .int(1)),
      ],
      returns: "VBox",
      doc:
        "Sliders for input size W (1...32), kernel F (1...7), padding P (0...3) and stride S (1...4), the padded input with the kernel window, the output grid, and W' = (W − F + 2P)/S + 1 with the numbers (in red when it is not a whole number).",
      example: "convolutionExplorer(input: 7, kernel: 3, padding: 1, stride: 2)", isType: false
    ) { a in
      .host(
        ConvolutionExplorer.make(
          manager, input: try a.int("input"), kernel: try a.int("kernel"),
          padding: try a.int("padding"), stride: try a.int("stride")))
    }
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerControls(_ r: Registrar, _ m: WidgetManager) {
    r.add(
      "IntSlider",
      [
        P.labelled("value", "Int", default: .int(0)),
        Parameter(
          label: "in", name: "range", type: "ClosedRange<Int>",
          default: .range(RangeValue(lower: 0, upper: 100, isClosed: true))),
        P.labelled("step", "Int", default: .int(1)),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "IntSlider",
      doc:
        "A slider of whole numbers in `range`; `.value` follows the front end, `.onChange { v in … }` runs on each change.",
      example: "IntSlider(value: 3, in: 1...7, description: \"kernel\")"
    ) { a in
      let (low, high) = try bounds(a, "range")
      let step = try exact(a, "step")
      guard step >= 1 else {
        throw HostError("ValueError", "IntSlider: step must be ≥ 1, got \(step)")
      }
      return .host(
        WidgetValue(
          .intSlider, manager: m,
          state: [
            "value": .int(min(max(try exact(a, "value"), low), high)), "min": .int(low),
            "max": .int(high),
            "step": .int(step), "description": .string(try a.string("description")),
          ]))
    }
    r.add(
      "FloatSlider",
      [
        P.labelled("value", "Double", default: .double(0)),
        P.labelled("min", "Double", default: .double(0)),
        P.labelled("max", "Double", default: .double(1)),
        P.labelled("step", "Double", default: .double(0.1)),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "FloatSlider", doc: "A slider of Doubles from `min` to `max` by `step`.",
      example: "FloatSlider(value: 0.05, min: 0.001, max: 0.1, step: 0.001, description: \"lr\")"
    ) { a in
      let (low, high, step) = (try a.double("min"), try a.double("max"), try a.double("step"))
      guard low.isFinite, high.isFinite, low <= high, step > 0, step.isFinite else {
        throw HostError("ValueError", "FloatSlider needs finite min ≤ max and step > 0")
      }
      return .host(
        WidgetValue(
          .floatSlider, manager: m,
          state: [
            "value": .double(min(max(try a.double("value"), low), high)), "min": .double(low),
            "max": .double(high),
            "step": .double(step), "readout_format": ".3g",
            "description": .string(try a.string("description")),
          ]))
    }
    r.add(
      "Checkbox",
      [
        P.labelled("value", "Bool", default: .bool(false)),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "Checkbox", doc: "A checkbox; `.value` is a Bool.",
      example: "Checkbox(value: true, description: \"augment\")"
    ) { a in
      .host(
        WidgetValue(
          .checkbox, manager: m,
          state: [
            "value": .bool(try a.bool("value")),
            "description": .string(try a.string("description")),
          ]))
    }
    r.add(
      "Dropdown",
      [
        P.positional("options", "[String]"), P.labelled("value", "String?", default: .null),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "Dropdown", doc: "A choice among `options`; `.value` is the chosen String.",
      example: "Dropdown([\"max\", \"average\"], value: \"max\", description: \"pooling\")"
    ) { a in
      try choice(.dropdown, a, m)
    }
    r.add(
      "Button",
      [
        P.positional("title", "String", default: .string("")),
        P.labelled("action", "(() -> Void)?", default: .null),
      ],
      returns: "Button",
      doc: "A button; the trailing closure (and each `.onClick { … }`) runs on every click.",
      example: "Button(\"Stop\") { print(\"stopping\") }"
    ) { a in
      let button = WidgetValue(
        .button, manager: m, state: ["description": .string(try a.string("title"))])
      if !a.isNil("action") {
        button.clickHandlers.append(.language(try WidgetMethods.callable(a, "action")))
      }
      return .host(button)
    }
    r.add(
      "IntProgress",
      [
        P.labelled("value", "Int", default: .int(0)),
        Parameter(
          label: "in", name: "range", type: "ClosedRange<Int>",
          default: .range(RangeValue(lower: 0, upper: 100, isClosed: true))),
        P.labelled("description", "String", default: .string("")),
      ],
      returns: "IntProgress", doc: "A progress bar; set `.value` to move it.",
      example: "IntProgress(value: 3, in: 0...10)"
    ) { a in
      let (low, high) = try bounds(a, "range")
      return .host(
        WidgetValue(
          .intProgress, manager: m,
          state: [
            "value": .int(min(max(try exact(a, "value"), low), high)), "min": .int(low),
            "max": .int(high),
            "description": .string(try a.string("description")),
          ]))
    }
  }

  private static func registerDisplays(_ r: Registrar, _ m: WidgetManager) {
    r.add(
      "Label", [P.positional("text", "String", default: .string(""))], returns: "Label",
      doc: "A line of text; set `.value` to change it.", example: "Label(\"W' = 5\")"
    ) { a in
      .host(WidgetValue(.label, manager: m, state: ["value": .string(try a.string("text"))]))
    }
    r.add(
      "HTMLWidget", [P.positional("html", "String", default: .string(""))], returns: "HTMLWidget",
      doc: "HTML that a widget callback can change (`.value`); ipywidgets' HTML.",
      example: "HTMLWidget(\"<b>W' = 5</b>\")"
    ) { a in
      .host(WidgetValue(.html, manager: m, state: ["value": .string(try a.string("html"))]))
    }
    r.add(
      "Output", [], returns: "Output",
      doc:
        "An area that shows what `out.capture { … }` prints and displays, also from widget callbacks.",
      example: "Output()"
    ) { _ in .host(WidgetValue(.output, manager: m)) }
    for kind in [WidgetKind.hbox, .vbox] {
      r.add(
        kind.rawValue, [P.positional("children", "[Widget]")], returns: kind.rawValue,
        doc: kind == .hbox ? "Widgets side by side." : "Widgets one above the other.",
        example: "\(kind.rawValue)([IntSlider(), Button(\"Go\")])"
      ) { a in
        let box = WidgetValue(kind, manager: m)
        box.children = try widgets(a, "children")
        return .host(box)
      }
    }
  }

  /// A Dropdown, ToggleButtons or RadioButtons: `options` and the chosen `value` (the first by default).
  static func choice(_ kind: WidgetKind, _ a: Arguments, _ m: WidgetManager) throws -> Value {
    let options = try a.optionalStrings("options") ?? []
    guard !options.isEmpty else {
      throw HostError("ValueError", "\(kind.rawValue) needs at least one option")
    }
    var index = 0
    if let chosen = a["value"].stringValue {
      guard let found = options.firstIndex(of: chosen) else {
        throw HostError("ValueError", "\(kind.rawValue): '\(chosen)' is not one of \(options)")
      }
      index = found
    }
    let widget = WidgetValue(
      kind, manager: m,
      state: [
        "_options_labels": .array(options.map { .string($0) }), "index": .int(index),
        "description": .string(try a.string("description")),
      ])
    widget.options = options
    return .host(widget)
  }

  /// The widgets of an array argument (a box's children); a TypeError for anything else.
  static func widgets(_ a: Arguments, _ name: String) throws -> [WidgetValue] {
    try a.array(name).map { value in
      guard let widget = value.host(as: WidgetValue.self), widget.kind.isDOMWidget else {
        throw HostError("TypeError", "\(a.function) holds widgets, got \(value.typeName)")
      }
      return widget
    }
  }

  /// Integers a widget sends must be exact in JavaScript (its numbers are Doubles): |n| ≤ 2⁵³.
  static let exactIntegers = -(1 << 53)...(1 << 53)

  /// An Int argument within `exactIntegers`, or a ValueError naming it.
  static func exact(_ a: Arguments, _ name: String) throws -> Int {
    try ArgumentLimits.check(try a.int(name), name, in: exactIntegers)
  }

  /// The inclusive bounds of a range argument (`1...7` or `1..<8`), within `exactIntegers`.
  static func bounds(_ a: Arguments, _ name: String) throws -> (Int, Int) {
    guard case .range(let range) = a[name] else {
      throw HostError(
        "TypeError",
        "\(a.function): '\(name)' expects a range such as 1...7, got \(a[name].typeName)")
    }
    return try bounds(of: range, name, function: a.function)
  }

  /// The inclusive bounds of `range`, within `exactIntegers`; a ValueError when empty or open.
  static func bounds(of range: RangeValue, _ name: String, function: String) throws -> (Int, Int) {
    guard let lower = range.lower, let upper = range.upper else {
      throw HostError("ValueError", "\(function): '\(name)' needs a bounded range such as 1...7")
    }
    let low = try ArgumentLimits.check(lower, "the lower bound of \(name)", in: exactIntegers)
    let top = try ArgumentLimits.check(upper, "the upper bound of \(name)", in: exactIntegers)
    let high = range.isClosed ? top : top - 1
    guard low <= high else {
      throw HostError("ValueError", "\(function): the range of '\(name)' is empty")
    }
    return (low, high)
  }
}
