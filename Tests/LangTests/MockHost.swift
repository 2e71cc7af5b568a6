import Display
import Lang

/// A tiny stand-in for NotebookRuntime: layers as host objects, a builder container, a vector type
/// with operators, subscripts and iteration, and a native that throws a host error.
enum MockHost {
  // size-budget: the mock host is a table of natives, one entry each; it reads best whole.
  static func install(in session: Session) {
    session.register(
      NativeFunction(
        name: "Conv2D",
        parameters: [
          Parameter(name: "filters", type: "Int"), Parameter(label: "kernel", type: "Int"),
          Parameter(label: "padding", type: "Int", default: .int(0)),
          Parameter(
            label: "activation", type: "Activation", default: .implicitMember("identity"),
            implicitMembers: ["identity", "relu", "sigmoid", "tanh"]),
        ],
        returns: "Layer", doc: "A 2-D convolution: y = act(W ⋆ x + b).",
        example: "Conv2D(6, kernel: 5, activation: .tanh)"
      ) { arguments in
        let filters = try arguments.int("filters")
        let kernel = try arguments.int("kernel")
        let activation = try arguments.implicitMember("activation")
        guard filters > 0 else {
          throw HostError(
            "ShapeError", "Conv2D needs at least one filter, got \(filters)",
            hint: "use Conv2D(1, kernel: 3) or more filters")
        }
        return .host(MockLayer("Conv2D(\(filters), kernel: \(kernel), activation: .\(activation))"))
      })
    session.register(
      NativeFunction(
        name: "MaxPool2D", parameters: [Parameter(name: "size", type: "Int")], returns: "Layer",
        doc: "Max pooling over size×size windows.", example: "MaxPool2D(2)"
      ) { arguments in
        .host(MockLayer("MaxPool2D(\(try arguments.int("size")))"))
      })
    session.register(
      NativeFunction(
        name: "Sequential",
        parameters: [
          Parameter(label: "input", type: "[Int]?", default: .null),
          Parameter(name: "layers", type: "[Layer]", default: .array([])),
        ],
        returns: "Sequential", doc: "Layers applied in order.",
        example: "Sequential { Conv2D(6, kernel: 5) }",
        builder: true
      ) { arguments in
        let layers = try arguments.array("layers").compactMap { $0.host(as: MockLayer.self) }
        return .host(MockModel(layers: layers))
      })
    session.register(
      NativeFunction(
        name: "Vector", parameters: [Parameter(name: "values", type: "[Double]")],
        returns: "Vector",
        doc: "A vector of numbers.", example: "Vector([1, 2, 3])"
      ) { arguments in
        .host(MockVector(try arguments.array("values").compactMap(\.doubleValue)))
      })
    session.register(
      HostProtocol(name: "Shape", method: "area", parameterTypes: [], returnType: "Double")
    ) { value, _ in
      MockShapeInfo(of: value)
    }
    session.magics.register("seed", doc: "%seed N — sets the seed") { invocation in
      guard let seed = Int(invocation.argument) else {
        throw HostError("ValueError", "%seed needs an integer, got '\(invocation.argument)'")
      }
      invocation.context.print("seed set to \(seed)\n")
    }
  }
}

final class MockLayer: HostObject {
  let text: String
  init(_ text: String) { self.text = text }
  var typeName: String { "Layer" }
  var description: String { text }
}

final class MockModel: HostObject {
  var layers: [MockLayer]
  init(layers: [MockLayer]) { self.layers = layers }
  var typeName: String { "Sequential" }
  var description: String { "Sequential(" + layers.map(\.text).joined(separator: ", ") + ")" }
  var members: [Member] {
    [
      .property("layers", type: "[Layer]", doc: "The layers, in order."),
      .method(
        "summary", [Parameter(label: "input", type: "[Int]?", default: .null)], returns: "Summary",
        doc: "A table of the layers."),
    ]
  }
  func member(named name: String) throws -> Value? {
    name == "layers" ? .array(layers.map { .host($0) }) : nil
  }
  func callMethod(_ name: String, arguments: [(label: String?, value: Value)], context: CallContext)
    throws -> Value?
  {
    guard name == "summary" else { return nil }
    let bound = try context.bind(arguments, to: members[1].parameters ?? [], function: "summary")
    let input = bound.isNil("input") ? "" : " for input \(bound["input"])"
    return .string("\(layers.count) layers\(input)")
  }
  func call(arguments: [(label: String?, value: Value)], context: CallContext) throws -> Value? {
    .string("applied \(layers.count) layers to \(arguments.first?.value.description ?? "nothing")")
  }
  func displayBundle() -> MimeBundle {
    var bundle = MimeBundle(plain: description)
    bundle.add("text/html", "<table></table>")
    return bundle
  }
}

final class MockVector: HostObject {
  var values: [Double]
  init(_ values: [Double]) { self.values = values }
  var typeName: String { "Vector" }
  var description: String { "Vector(\(values))" }
  func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value? {
    let others: [Double]
    if let vector = other.host(as: MockVector.self) {
      guard vector.values.count == values.count else {
        throw HostError(
          "ShapeError",
          "cannot combine vectors of sizes \(values.count) and \(vector.values.count)",
          hint: "both operands need the same size")
      }
      others = vector.values
    } else if let number = other.doubleValue {
      others = Array(repeating: number, count: values.count)
    } else {
      return nil
    }
    switch op {
    case .add: return .host(MockVector(zip(values, others).map { $0 + $1 }))
    case .multiply: return .host(MockVector(zip(values, others).map { $0 * $1 }))
    case .subtract:
      return .host(MockVector(zip(values, others).map { selfOnLeft ? $0 - $1 : $1 - $0 }))
    default: return nil
    }
  }
  func negated() throws -> Value? { .host(MockVector(values.map { -$0 })) }
  func subscriptGet(_ indices: [Value]) throws -> Value? {
    switch indices.first {
    case .int(let index)?:
      guard values.indices.contains(index) else {
        throw HostError("IndexError", "index \(index) out of range for \(values.count) values")
      }
      return .double(values[index])
    case .range(let range)?:
      let (low, high) = range.bounds(count: values.count)
      guard low >= 0, high <= values.count, low <= high else {
        throw HostError("IndexError", "slice out of range")
      }
      return .host(MockVector(Array(values[low..<high])))
    default: return nil
    }
  }
  func subscriptSet(_ indices: [Value], to value: Value) throws -> Bool {
    guard let index = indices.first?.intValue, values.indices.contains(index),
      let number = value.doubleValue
    else { return false }
    values[index] = number
    return true
  }
  func makeIterator() throws -> (() throws -> Value?)? {
    var index = 0
    return { [values] in
      defer { index += 1 }
      return index < values.count ? .double(values[index]) : nil
    }
  }
}

/// The stand-in of a user type declaring the host protocol `Shape`: members its type lacks.
final class MockShapeInfo: HostObject {
  let subject: Value
  init(of subject: Value) { self.subject = subject }
  var typeName: String { "ShapeInfo" }
  var members: [Member] {
    [
      .property("kind", type: "String", doc: "The shape's type name."),
      .method(
        "scaled", [Parameter(name: "factor", type: "Double")], returns: "String",
        doc: "A description at a scale."),
    ]
  }
  func member(named name: String) throws -> Value? {
    name == "kind" ? .string(subject.typeName) : nil
  }
  func callMethod(_ name: String, arguments: [(label: String?, value: Value)], context: CallContext)
    throws -> Value?
  {
    guard name == "scaled" else { return nil }
    let bound = try context.bind(arguments, to: members[1].parameters ?? [], function: "scaled")
    return .string("\(subject.typeName) ×\(try bound.double("factor"))")
  }
}
