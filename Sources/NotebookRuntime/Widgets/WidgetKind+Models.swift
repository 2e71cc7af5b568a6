import Display

extension WidgetKind {
  /// The default state of the models added after the first ones (FloatLogSlider … Link), as
  /// ipywidgets 8.1 sends them; nil for the style and layout models.
  var moreDefaults: [String: JSONValue]? {
    let slider: [String: JSONValue] = Self.described.merging([
      "behavior": "drag-tap", "continuous_update": true, "disabled": false,
      "orientation": "horizontal", "readout": true,
    ]) { $1 }
    switch self {
    case .floatLogSlider:
      return slider.merging([
        "base": 10.0, "max": 4.0, "min": 0.0, "readout_format": ".3g",
        "step": 0.1, "value": 1.0,
      ]) { $1 }
    case .intRangeSlider:
      return slider.merging([
        "max": 100, "min": 0, "readout_format": "d", "step": 1,
        "value": [25, 75],
      ]) { $1 }
    case .toggleButtons:
      return Self.described.merging([
        "_options_labels": [], "button_style": "", "disabled": false,
        "icons": [], "index": .null, "tooltips": [],
      ]) { $1 }
    case .radioButtons:
      return Self.described.merging([
        "_options_labels": [], "disabled": false, "index": .null,
        "orientation": "vertical",
      ]) { $1 }
    case .text:
      return Self.described.merging([
        "continuous_update": true, "disabled": false,
        "placeholder": "\u{200B}", "value": "",
      ]) { $1 }
    case .htmlMath: return Self.described.merging(["placeholder": "\u{200B}", "value": ""]) { $1 }
    case .image: return ["format": "png", "height": "", "width": ""]
    case .gridBox: return ["box_style": "", "children": []]
    case .tab: return ["box_style": "", "children": [], "selected_index": .null, "titles": []]
    case .play:
      return Self.described.merging([
        "disabled": false, "interval": 100, "max": 100, "min": 0, "playing": false,
        "repeat": false, "show_repeat": true, "step": 1, "value": 0,
      ]) { $1 }
    case .link: return ["source": [], "target": []]
    default: return nil
    }
  }
}
