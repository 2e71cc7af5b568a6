import Display
import Lang

/// What runs when a widget changes or is clicked: a closure of the cells, or the runtime's own
/// code (`interact` re-rendering its output).
enum WidgetHandler {
  case language(Value)
  case native((_ sink: any OutputSink) -> Void)
}

/// One widget as the cells see it (`IntSlider`, `Button`, `HBox`, …) and as the front end
/// sees it: a model with a comm id, a synced `WidgetState`, and references to its Layout and
/// Style models and its children.
///
/// Its comm is opened the first time it is displayed in a kernel (`WidgetManager`); outside a
/// kernel (`stride run`) it shows its text form, e.g. `IntSlider(kernel: 3 in 1...7)`.
final class WidgetValue: RuntimeObject {
  let kind: WidgetKind
  let id: String
  var state: WidgetState
  let layout: WidgetValue?
  let style: WidgetValue?
  var children: [WidgetValue] = []
  /// Models opened with it that it does not show (an explorer's jslink).
  var companions: [WidgetValue] = []
  /// A Dropdown's options (the labels are synced as `_options_labels`).
  var options: [String] = []
  var changeHandlers: [WidgetHandler] = []
  var clickHandlers: [WidgetHandler] = []
  /// A Text's `onSubmit` handlers (Enter in the box).
  var submitHandlers: [WidgetHandler] = []
  /// Whether its comm is open (set by the manager).
  var isOpen = false
  /// Whether its change handlers are running (a change they make does not run them again).
  var isNotifying = false
  /// The attributes whose change runs the change handlers.
  static let valueKeys: Set<String> = ["value", "index", "selected_index"]
  unowned let manager: WidgetManager

  init(
    _ kind: WidgetKind, manager: WidgetManager, state overrides: [String: JSONValue] = [:],
    buffers: [String: [UInt8]] = [:]
  ) {
    self.kind = kind
    self.manager = manager
    self.id = manager.makeID()
    let defaults = kind.defaults.merging(overrides) { $1 }
    state = WidgetState(defaults, kinds: kind.kindOverrides, buffers: buffers)
    layout = kind.isDOMWidget ? WidgetValue(.layout, manager: manager) : nil
    style = kind.styleKind.map { WidgetValue($0, manager: manager) }
  }

  override var typeName: String { kind.rawValue }
  override var aliases: [String] { ["Widget"] }

  /// The state as the front end gets it: attributes plus `IPY_MODEL_` references.
  var fullState: [String: JSONValue] {
    var values = state.values
    if let layout { values["layout"] = .string("IPY_MODEL_" + layout.id) }
    if let style { values["style"] = .string("IPY_MODEL_" + style.id) }
    if kind.isContainer {
      values["children"] = .array(children.map { .string("IPY_MODEL_" + $0.id) })
    }
    return values
  }

  /// The binary attributes as buffers: their paths (each `prefix` + the attribute) and bytes.
  func binaryState(prefix: [JSONValue]) -> (paths: [JSONValue], bytes: [[UInt8]]) {
    let names = state.buffers.keys.sorted()
    return (names.map { .array(prefix + [.string($0)]) }, names.compactMap { state.buffers[$0] })
  }

  /// The models it refers to, which must be opened before it.
  var references: [WidgetValue] { [layout, style].compactMap { $0 } + children + companions }

  // MARK: - Value as the cells see it

  /// The `value` in the language: Int, Double, Bool, String (a Dropdown's selected option).
  var value: Value {
    switch kind {
    case .intSlider, .intProgress, .play: return .int(state["value"]?.intValue ?? 0)
    case .floatSlider, .floatLogSlider: return .double(state["value"]?.number ?? 0)
    case .checkbox: return .bool(state["value"]?.boolValue ?? false)
    case .dropdown, .toggleButtons, .radioButtons:
      guard let index = state["index"]?.intValue, options.indices.contains(index) else {
        return .null
      }
      return .string(options[index])
    case .label, .html, .htmlMath, .text: return .string(state["value"]?.stringValue ?? "")
    case .intRangeSlider:
      guard case .array(let pair)? = state["value"], pair.count == 2 else { return .null }
      return .range(
        RangeValue(lower: pair[0].intValue ?? 0, upper: pair[1].intValue ?? 0, isClosed: true))
    case .tab: return state["selected_index"]?.intValue.map { .int($0) } ?? .null
    default: return .void
    }
  }

  /// Whether its numbers are Doubles (FloatSlider, FloatLogSlider).
  var isFloat: Bool { kind == .floatSlider || kind == .floatLogSlider }

  /// Whether the widget has a value (sliders, checkboxes, dropdowns, labels).
  var hasValue: Bool {
    if case .void = value { return false }
    return true
  }

  /// `value` from the language as a state change (checked), for `k.value = 5`.
  func stateChange(forValue newValue: Value) throws -> [String: JSONValue] {
    switch (kind, newValue) {
    case (.intSlider, .int), (.intProgress, .int), (.play, .int):
      return ["value": .int(try exactInt(newValue, "value"))]
    case (.floatSlider, _) where newValue.doubleValue != nil,
      (.floatLogSlider, _) where newValue.doubleValue != nil:
      return ["value": .double(try finite(newValue.doubleValue!))]
    case (.checkbox, .bool(let flag)): return ["value": .bool(flag)]
    case (.label, .string(let text)), (.html, .string(let text)), (.htmlMath, .string(let text)),
      (.text, .string(let text)):
      return ["value": .string(text)]
    case (.intRangeSlider, .range(let range)):
      let (low, high) = try WidgetBuiltins.bounds(of: range, "value", function: "IntRangeSlider")
      return ["value": [.int(low), .int(high)]]
    case (.tab, .int(let index)):
      guard children.indices.contains(index) else {
        throw HostError("IndexError", "Tab has \(children.count) tabs; \(index) is not one of them")
      }
      return ["selected_index": .int(index)]
    case (.dropdown, .string(let text)), (.toggleButtons, .string(let text)),
      (.radioButtons, .string(let text)):
      guard let index = options.firstIndex(of: text) else {
        throw HostError("ValueError", "'\(text)' is not one of the options \(options)")
      }
      return ["index": .int(index)]
    default:
      throw HostError("TypeError", "\(kind.rawValue).value cannot be set to \(newValue.typeName)")
    }
  }

  /// An Int the front end can hold exactly (|n| ≤ 2⁵³), or a ValueError.
  private func exactInt(_ value: Value, _ name: String) throws -> Int {
    guard case .int(let number) = value else {
      throw HostError("TypeError", "\(kind.rawValue).\(name) expects an Int, got \(value.typeName)")
    }
    return try ArgumentLimits.check(number, name, in: WidgetBuiltins.exactIntegers)
  }

  private func finite(_ number: Double) throws -> Double {
    guard number.isFinite else {
      throw HostError("ValueError", "\(kind.rawValue): \(number) is not a finite number")
    }
    return number
  }

  override func setMember(named name: String, to newValue: Value) throws -> Bool {
    let change: [String: JSONValue]
    switch (name, newValue) {
    case ("value", _) where kind == .image:
      try manager.change(self, png: try ImageBytes.png(newValue, function: "ImageWidget.value"))
      return true
    case ("value", _),
      ("selectedIndex", _) where kind == .tab:
      change = try stateChange(forValue: newValue)
    case ("interval", .int(let ms)) where kind == .play:
      guard ms >= 1 else {
        throw HostError("ValueError", "Play.interval must be ≥ 1 ms, got \(ms)")
      }
      change = ["interval": .int(try exactInt(newValue, name))]
    case ("description", .string(let text)): change = ["description": .string(text)]
    case ("disabled", .bool(let flag)): change = ["disabled": .bool(flag)]
    case ("min", _), ("max", _):
      guard state[name] != nil, let number = newValue.doubleValue else { return false }
      change = [name: isFloat ? .double(try finite(number)) : .int(try exactInt(newValue, name))]
    default: return false
    }
    try manager.change(self, change)
    return true
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(
        name: "value", type: "Any", doc: "The widget's value (settable: the front end follows)."
      ) { [unowned self] in value },
      PropertySpec(name: "description", type: "String", doc: "The label beside the control.") {
        [unowned self] in
        .string(state["description"]?.stringValue ?? "")
      },
      PropertySpec(name: "modelID", type: "String", doc: "The comm id of the widget's model.") {
        [unowned self] in .string(id)
      },
    ] + bounds
      + (kind == .tab
        ? [
          PropertySpec(name: "selectedIndex", type: "Int?", doc: "The tab shown (settable).") {
            [unowned self] in value
          }
        ] : [])
  }

  /// `min`, `max` (settable) of sliders and progress bars.
  private var bounds: [PropertySpec] {
    ["min", "max"].compactMap { name in
      guard let bound = state[name] else { return nil }
      let number: Value = isFloat ? .double(bound.number ?? 0) : .int(bound.intValue ?? 0)
      return PropertySpec(
        name: name, type: isFloat ? "Double" : "Int",
        doc: "The \(name == "min" ? "smallest" : "largest") value (settable)."
      ) { number }
    }
  }

  override var methods: [MethodSpec] { WidgetMethods.methods(for: self) }

  override var description: String { WidgetText.describe(self) }

  override func displayBundle() -> MimeBundle { manager.bundle(for: self) }
}
