import MemoryBudget

/// The built-ins every session has: output, checks, conversions, collections.
/// Maths lives in `CoreBuiltins+Math`, the notebook functions in `CoreBuiltins+Notebook`.
enum CoreBuiltins {
  static func register(in session: Session) {
    let conversions = conversions, collections = collections
    addOverloads(conversions + collections)
    for function in output + notebook + checks + conversions + collections + collectionTypes + math
    {
      session.register(function)
    }
    for (name, value) in mathConstants { session.define(name, .double(value)) }
  }

  /// Foundation's constants of C's math.h, as Swift programs on Linux and macOS see them.
  static let mathConstants: [(String, Double)] = [
    ("M_PI", Double.pi), ("M_PI_2", Double.pi / 2), ("M_PI_4", Double.pi / 4),
    ("M_E", 2.718281828459045), ("M_LN2", 0.6931471805599453), ("M_LN10", 2.302585092994046),
    ("M_LOG2E", 1.4426950408889634), ("M_LOG10E", 0.4342944819032518),
    ("M_SQRT2", 2.0.squareRoot()), ("M_SQRT1_2", 0.5.squareRoot()),
  ]

  static func fail(_ message: DiagnosticMessage) -> HostError {
    HostError(message.kind, message.text, hint: message.hint)
  }

  static var output: [NativeFunction] {
    [
      NativeFunction(
        name: "print",
        parameters: [
          Parameter(name: "items", type: "Any", variadic: true),
          Parameter(label: "separator", type: "String", default: .string(" ")),
          Parameter(label: "terminator", type: "String", default: .string("\n")),
        ],
        doc:
          "Writes the items' text forms to standard output, separated by `separator` and followed by `terminator`.",
        example: "print(\"loss:\", 0.25)   // loss: 0.25"
      ) { arguments in
        let items = (try arguments.array("items")).map(\.description)
        let text =
          items.joined(separator: try arguments.string("separator"))
          + (try arguments.string("terminator"))
        arguments.context.print(text)
        return .void
      },
      NativeFunction(
        name: "display", parameters: [Parameter(name: "value", type: "Any")],
        doc:
          "Shows a value now, with its rich forms (tables, drawings, images), as a cell's last expression would.",
        example: "display(lenet.summary())"
      ) { arguments in
        arguments.context.display(arguments["value"])
        return .void
      },
      NativeFunction(
        name: "readLine",
        parameters: [Parameter(label: "prompt", type: "String", default: .string(""))],
        returns: "String?",
        doc:
          "Reads a line that the user types (Jupyter's input box); nil when input is not available.",
        example: "let name = readLine(prompt: \"Your name? \") ?? \"student\""
      ) { arguments in
        let line = arguments.context.sink.readLine(
          prompt: try arguments.string("prompt"), password: false)
        return line.map(Value.string) ?? .null
      },
    ]
  }

  static var checks: [NativeFunction] {
    [
      check(
        "assert",
        doc:
          "Stops the cell with an AssertionError when the condition is false (autograders rely on it)."
      ),
      check(
        "precondition",
        doc: "Stops the cell with an AssertionError when a required condition is false."),
      NativeFunction(
        name: "fatalError",
        parameters: [Parameter(name: "message", type: "String", default: .string(""))],
        doc: "Stops the cell with an AssertionError and the message.",
        example: "fatalError(\"unreachable\")"
      ) { arguments in
        throw fail(.assertionFailed("fatalError", try arguments.string("message")))
      },
    ]
  }

  private static func check(_ name: String, doc: String) -> NativeFunction {
    NativeFunction(
      name: name,
      parameters: [
        Parameter(name: "condition", type: "Bool"),
        Parameter(name: "message", type: "String", default: .string("")),
      ],
      doc: doc, example: "\(name)(accuracy > 0.8, \"accuracy too low: \\(accuracy)\")"
    ) { arguments in
      guard try arguments.bool("condition") else {
        throw fail(.assertionFailed(name, arguments["message"].description))
      }
      return .void
    }
  }

  static var collections: [NativeFunction] {
    [
      NativeFunction(
        name: "Array",
        parameters: [
          Parameter(name: "elements", type: "Any", default: .null),
          Parameter(label: "repeating", type: "Any", default: .null),
          Parameter(label: "count", type: "Int", default: .int(0)),
        ],
        returns: "Array",
        doc: "Makes an array from a sequence (`Array(0..<3)`) or `count` copies of a value.",
        example: "Array(repeating: 0, count: 3)   // [0, 0, 0]"
      ) { arguments in
        if !arguments.isNil("elements") {
          guard let elements = BuiltinMembers.elements(of: arguments["elements"]) else {
            throw fail(
              .wrongType("Array", expected: "a sequence", got: arguments["elements"].typeName))
          }
          return .array(elements)
        }
        let count = try arguments.int("count")
        guard count >= 0, count <= 10_000_000 else {
          throw fail(.invalidConversion("count \(count)", "an array size (0...10000000)"))
        }
        do throws(MemoryError) {
          try MemoryBudget.reserve(count: count, stride: MemoryLayout<Value>.stride)
        } catch {
          throw fail(.outOfMemory("array", error.description))
        }
        return .array(Array(repeating: arguments["repeating"], count: count))
      },
      stride(closed: false),
      NativeFunction(
        name: "zip",
        parameters: [
          Parameter(name: "first", type: "Array"), Parameter(name: "second", type: "Array"),
        ],
        returns: "Array",
        doc: "Pairs the elements of two sequences as tuples, as long as the shorter one.",
        example: "zip([1, 2], [\"a\", \"b\"])   // [(1, \"a\"), (2, \"b\")]"
      ) { arguments in
        .array(
          zip(try arguments.array("first"), try arguments.array("second")).map { .tuple([$0, $1]) })
      },
      NativeFunction(
        name: "type", parameters: [Parameter(label: "of", name: "value", type: "Any")],
        returns: "String",
        doc: "The name of a value's type.", example: "type(of: 3.0)   // Double"
      ) { arguments in
        .string(arguments["value"].typeName)
      },
    ]
  }
}
