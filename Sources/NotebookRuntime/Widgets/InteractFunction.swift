import Display
import Lang

/// `interact(kernel: 1...7, padding: 0...3, stride: 1...3) { k, p, s in … }`: one control per
/// labelled argument (a range → IntSlider starting in its middle, a Bool → Checkbox, a
/// [String] → Dropdown), the function run with their values, and its result shown in an
/// `Output` below them, re-rendered on each change.
///
/// Shows the controls and the first result, and returns nothing. Outside a kernel
/// (`stride run`) the controls' text and the first result are printed.
final class InteractFunction: HostObject {
  unowned let manager: WidgetManager

  init(manager: WidgetManager) { self.manager = manager }

  var typeName: String { "interact" }
  var description: String { "interact(name: range…, function)" }

  var members: [Member] { [] }

  func call(arguments: [(label: String?, value: Value)], context: CallContext) throws -> Value? {
    var controls: [WidgetValue] = []
    var function: Value?
    for (label, value) in arguments {
      switch value {
      case .closure, .native: function = value
      default:
        guard let label, !label.hasPrefix("\u{0}") else {
          throw HostError(
            "TypeError",
            "interact: each control needs a label, as in interact(kernel: 1...7) { k in … }")
        }
        controls.append(try control(label, value))
      }
    }
    guard let function else {
      throw HostError(
        "TypeError", "interact needs a function", hint: "interact(kernel: 1...7) { k in k * 2 }")
    }
    guard !controls.isEmpty else {
      throw HostError("TypeError", "interact needs at least one labelled control")
    }
    let output = WidgetValue(.output, manager: manager)
    let box = WidgetValue(.vbox, manager: manager)
    box.children = controls + [output]
    context.sink.display(box.displayBundle(), id: nil)
    let render: (any OutputSink, () throws -> Value) -> Void = { [unowned manager] sink, call in
      manager.capturing(into: output) {
        sink.clearOutput(wait: true)
        do {
          let result = try call()
          if case .void = result {} else { sink.display(result.displayBundle, id: nil) }
        } catch {
          sink.write("\(error)\n", to: .stderr)
        }
      }
    }
    render(context.sink) { try context.call(function, controls.map(\.value)) }
    let handler = WidgetHandler.native { [unowned manager] sink in
      render(sink) {
        switch manager.session.callback(
          function, controls.map(\.value), sink: sink, cancellation: .init())
        {
        case .success(let value): return value
        case .failure(let error): throw HostError(error.name, error.plainText)
        }
      }
    }
    for control in controls { control.changeHandlers.append(handler) }
    return .void
  }

  /// The control for one labelled argument.
  private func control(_ label: String, _ value: Value) throws -> WidgetValue {
    switch value {
    case .range(let range):
      let (low, high) = try WidgetBuiltins.bounds(of: range, label, function: "interact")
      let middle = low / 2 + high / 2 + (low % 2 + high % 2) / 2
      return WidgetValue(
        .intSlider, manager: manager,
        state: [
          "value": .int(middle), "min": .int(low), "max": .int(high), "description": .string(label),
        ])
    case .bool(let flag):
      return WidgetValue(
        .checkbox, manager: manager, state: ["value": .bool(flag), "description": .string(label)])
    case .array(let items) where !items.isEmpty && items.allSatisfy({ $0.stringValue != nil }):
      let options = items.compactMap(\.stringValue)
      let widget = WidgetValue(
        .dropdown, manager: manager,
        state: [
          "_options_labels": .array(options.map { .string($0) }), "index": 0,
          "description": .string(label),
        ])
      widget.options = options
      return widget
    default:
      throw HostError(
        "TypeError",
        "interact: '\(label)' must be a range, a Bool or a [String], got \(value.typeName)",
        hint: "write \(label): 1...7")
    }
  }
}
