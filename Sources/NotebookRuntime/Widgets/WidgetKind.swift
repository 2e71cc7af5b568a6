import Display

/// The widget models Stride implements, with the model and view names of ipywidgets 8
/// (`@jupyter-widgets/controls` 2.0.0, `@jupyter-widgets/base` 2.0.0, `@jupyter-widgets/output`
/// 1.0.0) and each model's default state, attribute for attribute as ipywidgets 8 sends it.
enum WidgetKind: String, CaseIterable {
  case intSlider = "IntSlider", floatSlider = "FloatSlider", checkbox = "Checkbox"
  case dropdown = "Dropdown", button = "Button", label = "Label", html = "HTML"
  case output = "Output", hbox = "HBox", vbox = "VBox", intProgress = "IntProgress"
  case floatLogSlider = "FloatLogSlider", intRangeSlider = "IntRangeSlider"
  case toggleButtons = "ToggleButtons", radioButtons = "RadioButtons", text = "Text"
  case htmlMath = "HTMLMath", image = "Image", gridBox = "GridBox", tab = "Tab", play = "Play"
  case link = "Link"
  case layout = "Layout"
  case sliderStyle = "SliderStyle", checkboxStyle = "CheckboxStyle"
  case descriptionStyle = "DescriptionStyle", buttonStyle = "ButtonStyle"
  case labelStyle = "LabelStyle", htmlStyle = "HTMLStyle", progressStyle = "ProgressStyle"
  case toggleButtonsStyle = "ToggleButtonsStyle", textStyle = "TextStyle"
  case htmlMathStyle = "HTMLMathStyle"

  static let controls = "@jupyter-widgets/controls"
  static let base = "@jupyter-widgets/base"
  static let moduleVersion = "2.0.0"

  /// `IntSliderModel`, `LayoutModel`, …
  var modelName: String { rawValue + "Model" }

  var viewName: String? {
    switch self {
    case .intProgress: return "ProgressView"
    case .link: return nil
    case _ where rawValue.hasSuffix("Style"): return "StyleView"
    default: return rawValue + "View"
    }
  }

  /// The style model a control has (nil: none, as for boxes and Output).
  var styleKind: WidgetKind? {
    switch self {
    case .intSlider, .floatSlider, .floatLogSlider, .intRangeSlider: return .sliderStyle
    case .checkbox: return .checkboxStyle
    case .dropdown, .radioButtons, .play: return .descriptionStyle
    case .toggleButtons: return .toggleButtonsStyle
    case .text: return .textStyle
    case .htmlMath: return .htmlMathStyle
    case .button: return .buttonStyle
    case .label: return .labelStyle
    case .html: return .htmlStyle
    case .intProgress: return .progressStyle
    default: return nil
    }
  }

  /// Whether it is shown (has a layout); Layout and the styles are only referenced.
  var isDOMWidget: Bool { self != .layout && self != .link && !rawValue.hasSuffix("Style") }

  /// Whether it holds other widgets (`children`, synced as `IPY_MODEL_` references).
  var isContainer: Bool { [.hbox, .vbox, .gridBox, .tab].contains(self) }

  /// The `_model_*`/`_view_*` attributes.
  var identity: [String: JSONValue] {
    let (module, version): (String, String) =
      self == .output
      ? ("@jupyter-widgets/output", "1.0.0")
      : self == .layout ? (Self.base, Self.moduleVersion) : (Self.controls, Self.moduleVersion)
    let viewModule = viewName == "StyleView" ? Self.base : module
    return [
      "_model_module": .string(module), "_model_module_version": .string(version),
      "_model_name": .string(modelName), "_view_module": .string(viewModule),
      "_view_module_version": .string(version), "_view_name": viewName.map { .string($0) } ?? .null,
      "_view_count": .null,
    ]
  }

  /// The default state, without `layout` and `style` references.
  var defaults: [String: JSONValue] {
    var state = identity
    if isDOMWidget {
      state.merge(["_dom_classes": [], "tabbable": .null, "tooltip": .null]) { $1 }
    }
    state.merge(ownDefaults) { $1 }
    return state
  }

  static let described: [String: JSONValue] = [
    "description": "", "description_allow_html": false,
  ]

  private var ownDefaults: [String: JSONValue] {
    switch self {
    case .intSlider, .floatSlider:
      let float = self == .floatSlider
      return Self.described.merging([
        "behavior": "drag-tap", "continuous_update": true, "disabled": false,
        "max": float ? 100.0 : 100, "min": float ? 0.0 : 0, "orientation": "horizontal",
        "readout": true, "readout_format": float ? ".2f" : "d", "step": float ? 0.1 : 1,
        "value": float ? 0.0 : 0,
      ]) { $1 }
    case .checkbox:
      return Self.described.merging(["disabled": false, "indent": true, "value": false]) { $1 }
    case .dropdown:
      return Self.described.merging(["_options_labels": [], "disabled": false, "index": .null]) {
        $1
      }
    case .button:
      return ["button_style": "", "description": "", "disabled": false, "icon": ""]
    case .label, .html:
      return Self.described.merging(["placeholder": "\u{200B}", "value": ""]) { $1 }
    case .output: return ["msg_id": "", "outputs": []]
    case .hbox, .vbox: return ["box_style": "", "children": []]
    case .intProgress:
      return Self.described.merging([
        "bar_style": "", "max": 100, "min": 0, "orientation": "horizontal", "value": 0,
      ]) { $1 }
    case .layout: return Dictionary(uniqueKeysWithValues: Self.layoutAttributes.map { ($0, .null) })
    default: return moreDefaults ?? styleDefaults
    }
  }

  private var styleDefaults: [String: JSONValue] {
    let fonts = [
      "font_family", "font_size", "font_style", "font_variant", "font_weight",
      "text_color", "text_decoration",
    ]
    var nulls: [String] {
      switch self {
      case .sliderStyle: return ["handle_color"]
      case .checkboxStyle: return ["background"]
      case .buttonStyle: return ["button_color"] + fonts
      case .labelStyle: return ["background"] + fonts
      case .htmlStyle, .textStyle, .htmlMathStyle: return ["background", "font_size", "text_color"]
      case .progressStyle: return ["bar_color"]
      default: return []
      }
    }
    var state = Dictionary(uniqueKeysWithValues: nulls.map { ($0, JSONValue.null) })
    if self != .buttonStyle { state["description_width"] = "" }
    if self == .toggleButtonsStyle { state.merge(["button_width": "", "font_weight": ""]) { $1 } }
    return state
  }

  static let layoutAttributes = [
    "align_content", "align_items", "align_self", "border_bottom", "border_left", "border_right",
    "border_top", "bottom", "display", "flex", "flex_flow", "grid_area", "grid_auto_columns",
    "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
    "grid_template_areas", "grid_template_columns", "grid_template_rows", "height",
    "justify_content", "justify_items", "left", "margin", "max_height", "max_width", "min_height",
    "min_width", "object_fit", "object_position", "order", "overflow", "padding", "right", "top",
    "visibility", "width",
  ]

  /// Attribute kinds the defaults do not show (nullable ints, `_view_count`).
  var kindOverrides: [String: StateKind] {
    var kinds: [String: StateKind] = ["_view_count": .optionalInt]
    if [.dropdown, .toggleButtons, .radioButtons].contains(self) { kinds["index"] = .optionalInt }
    if self == .tab { kinds["selected_index"] = .optionalInt }
    if self == .intRangeSlider { kinds["value"] = .intPair }
    return kinds
  }
}
