import Display
import Lang
import TestSupport
import Testing

/// Completion, inspection and is_complete at marked cursor positions (`1️⃣`).
struct CompletionTests {
  func session() -> Session {
    let session = Session()
    MockHost.install(in: session)
    _ = session.transcript(
      of:
        "let lenet = Sequential { Conv2D(6, kernel: 5) }\nlet learningRate = 0.1\nlet pair = (1, \"a\")"
    )
    return session
  }

  func complete(_ marked: String, in session: Session) -> Completions {
    let (source, markers) = extractMarkers(marked)
    return session.complete(source, cursor: markers[1] ?? 0)
  }

  @Test func namesInScopeWithTypes() {
    let result = complete("learn1️⃣", in: session())
    #expect(result.matches == ["learningRate"])
    #expect(result.items.first?.type == "Double")
    #expect(result.start == 0 && result.end == 5)
  }

  @Test func builtinsAndKeywords() {
    let result = complete("pri1️⃣", in: session())
    #expect(result.matches.contains("print"))
    #expect(
      complete("gua1️⃣", in: session()).items == [Completions.Item(text: "guard", type: "keyword")])
  }

  @Test func hostMembersAfterDot() {
    let result = complete("lenet.1️⃣", in: session())
    #expect(result.matches == ["layers", "summary"])
    #expect(result.items.map(\.type) == ["[Layer]", "method"])
    #expect(result.start == 6 && result.end == 6)
  }

  @Test func builtinTypeMembers() {
    let result = complete("let n = [1, 2]\n[1, 2].co1️⃣", in: session())
    #expect(result.matches == ["compactMap", "contains", "count"])
    let withWord = session()
    _ = withWord.transcript(of: "let word = \"abc\"")
    #expect(complete("word.up1️⃣", in: withWord).matches == ["uppercased"])
    #expect(complete("[\"a\": 1].ma1️⃣", in: session()).matches == ["map", "mapValues", "max"])
    #expect(complete("[3, 1].sorted(1️⃣", in: session()).matches.first == "by: ")
    #expect(complete("pair.1️⃣", in: session()).matches == ["0", "1"])
    #expect(complete("Double.p1️⃣", in: session()).matches == ["pi"])
  }

  @Test func membersOfUserTypes() {
    let session = session()
    let declared = session.transcript(
      of:
        "struct Vec { var x = 0.0; var y = 0.0; var norm: Double { x + y }; func scaled(_ k: Double) -> Vec { self } }\n"
        + "enum Suit { case hearts, spades; static let all = [Suit.hearts] }\nlet v = Vec()")
    #expect(declared.isEmpty, "\(declared)")
    #expect(complete("v.1️⃣", in: session).matches == ["norm", "scaled", "x", "y"])
    #expect(complete("Suit.1️⃣", in: session).matches == ["all", "hearts", "spades"])
  }

  @Test func argumentLabelsInsideCall() {
    let result = complete("Conv2D(6, 1️⃣", in: session())
    #expect(Array(result.matches.prefix(3)) == ["kernel: ", "padding: ", "activation: "])
    #expect(complete("lenet.summary(1️⃣", in: session()).matches.first == "input: ")
  }

  @Test func implicitMembersForTheParameter() {
    let result = complete("Conv2D(6, kernel: 5, activation: .t1️⃣", in: session())
    #expect(result.items == [Completions.Item(text: "tanh", type: "Activation")])
    #expect(
      complete("Conv2D(6, kernel: 5, activation: .1️⃣)", in: session()).matches == [
        "identity", "relu", "sigmoid", "tanh",
      ])
  }

  @Test func cursorCountsUnicodeScalarsAfterNonASCII() {
    let result = complete("let größe = \"Ü🙂\"; lear1️⃣", in: session())
    #expect(result.matches == ["learningRate"])
    #expect(result.start == 18 && result.end == 22)
    let userName = session()
    _ = userName.transcript(of: "let größe = 3")
    #expect(complete("grö1️⃣", in: userName).matches == ["größe"])
  }

  @Test func inspectionOfBuiltinsHostMembersAndValues() throws {
    let session = session()
    let (source, markers) = extractMarkers("Con1️⃣v2D(6, kernel: 5)")
    let bundle = try #require(session.inspect(source, cursor: markers[1] ?? 0))
    #expect(bundle.plainText.hasPrefix("Conv2D(_ filters: Int, kernel: Int, padding: Int = 0"))
    #expect(bundle.plainText.contains("A 2-D convolution"))
    #expect(bundle.plainText.contains("Example:\n    Conv2D(6, kernel: 5, activation: .tanh)"))
    let member = try #require(session.inspect("lenet.summary()", cursor: 9))
    #expect(member.plainText.hasPrefix("Sequential.summary(input: [Int]? = nil) -> Summary"))
    let value = try #require(session.inspect("learningRate", cursor: 3))
    #expect(value.plainText == "learningRate: Double = 0.1")
    let print = try #require(session.inspect("print(", cursor: 6))
    #expect(print.plainText.contains("Writes the items"))
    #expect(session.inspect("nothingHere", cursor: 4) == nil)
  }

  /// Every signature of a built-in with several, in call order: completion's signatures and
  /// label items, the name's item, and inspection.
  @Test func everyOverloadIsOfferedAndInspected() throws {
    let session = session()
    let strings = [
      "String(_ value: Any) -> String", "String(format: String, _ arguments: Any...) -> String",
      "String(repeating: String, count: Int) -> String",
      "String(describing instance: Any) -> String",
    ]
    let inCall = complete("String(1️⃣", in: session)
    #expect(inCall.signatures == strings)
    #expect(Array(inCall.matches.prefix(3)) == ["format: ", "repeating: ", "count: "])
    #expect(inCall.items.prefix(3).map(\.signature) == [strings[1], strings[2], strings[2]])
    #expect(
      complete("Strin1️⃣", in: session).items.first { $0.text == "String" }?.signature
        == strings.joined(separator: "\n"))
    let help = try #require(session.inspect("String", cursor: 3)).plainText
    #expect(help.hasPrefix(strings.joined(separator: "\n") + "\n\n"))
    #expect(help.contains("\n\nString(repeating:count:): The text repeated count times."))
    _ = session.transcript(of: "let xs = [3, 1]")
    let sorted = [
      "Array.sorted() -> Array",
      "Array.sorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Array",
    ]
    #expect(complete("xs.sorted(1️⃣", in: session).signatures == sorted)
    let method = try #require(session.inspect("xs.sorted", cursor: 6)).plainText
    #expect(
      method.hasPrefix(sorted.joined(separator: "\n") + "\n\nThe elements in increasing order (<).")
    )
    #expect(method.contains("sorted(by:): The elements ordered by the closure"))
    #expect(complete("print(1️⃣", in: session).signatures.count == 1)
    #expect(
      complete("lenet.summary(1️⃣", in: session).signatures == [
        "Sequential.summary(input: [Int]? = nil) -> Summary"
      ])
  }

  @Test func everyBuiltinHasDocAndExample() throws {
    let session = Session()
    for name in [
      "print", "display", "readLine", "assert", "precondition", "min", "max", "abs", "sqrt", "pow",
      "Int",
      "Double", "String", "Array", "stride", "zip", "type",
    ] {
      let bundle = try #require(session.inspect(name, cursor: 1), "no inspection for \(name)")
      #expect(
        bundle.plainText.contains("Example:") || bundle.plainText.contains("Examples:"),
        "no example for \(name)")
    }
  }

  @Test(arguments: [
    ("let x = 1", Completeness.complete),
    ("", .complete),
    ("for i in 0..<3 {", .incomplete(indent: "    ")),
    ("func f() {\n    if true {", .incomplete(indent: "        ")),
    ("let x = [1, 2,", .incomplete(indent: "    ")),
    ("let total = 1 +", .incomplete(indent: "")),
    ("print(\"abc", .incomplete(indent: "    ")),
    ("let s = \"\"\"\nline", .incomplete(indent: "")),
    ("/* open comment", .incomplete(indent: "")),
    ("let = 3", .invalid),
    ("struct A {", .incomplete(indent: "    ")),
    ("struct A { }}", .invalid),
    ("let x = )", .invalid),
  ])
  func isComplete(_ source: String, _ expected: Completeness) {
    #expect(Session().isComplete(source) == expected)
  }
}
