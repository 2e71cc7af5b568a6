import Cancellation
import Display

/// Completion candidates for Jupyter's `complete_request`, with types for `_jupyter_types_experimental`.
public struct Completions: Equatable, Sendable {
  /// One candidate.
  public struct Item: Equatable, Sendable {
    /// The text that replaces `start..<end`.
    public var text: String
    /// Its type or kind: `Int`, `function`, `keyword`, `argument label`, `Tensor`, …
    public var type: String
    /// For a function, method or argument label: the signatures it belongs to, one a line (every
    /// overload of a built-in), as IPython's `signature` in `_jupyter_types_experimental`.
    public var signature: String?

    /// Makes an item.
    public init(text: String, type: String, signature: String? = nil) {
      self.text = text
      self.type = type
      self.signature = signature
    }
  }

  /// The candidates, best first.
  public var items: [Item]
  /// Start of the replaced text, in Unicode scalars.
  public var start: Int
  /// End of the replaced text, in Unicode scalars.
  public var end: Int
  /// Inside a call's parentheses: every signature of the function called (all its overloads).
  public var signatures: [String] = []

  /// The candidates' texts.
  public var matches: [String] { items.map(\.text) }
}

extension Session {
  static let keywords = [
    "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat",
    "break", "continue", "true", "false", "nil", "import",
  ]

  /// Completions at `cursor` (Unicode scalars): members after `.`, implicit members where the
  /// argument's parameter lists them, argument labels inside a call, otherwise names in scope.
  public func complete(_ source: String, cursor: Int) -> Completions {
    let context = CursorContext(source, cursor: cursor)
    let start = context.wordStart(before: context.cursor)
    let prefix = context.text(start, context.cursor)
    var items: [Completions.Item]
    if start > 0, context.scalars[start - 1] == "." {
      let receiver = context.chain(endingAt: start - 1)
      if receiver.isEmpty || receiver.allSatisfy({ $0.isNumber }) {
        items = implicitMembers(context, before: start - 1)
      } else {
        items = memberItems(of: receiver)
      }
    } else if start > 0, context.scalars[start - 1] == "%" {
      items = magics.names.map { Completions.Item(text: String($0.dropFirst()), type: "magic") }
    } else {
      items = labelItems(context, before: start) + nameItems()
    }
    let filtered = items.filter { $0.text.hasPrefix(prefix) && $0.text != prefix }
    var seen = Set<String>()
    let unique = filtered.filter { seen.insert($0.text).inserted }
    let call = context.enclosingCall(before: start)
    return Completions(
      items: unique, start: start, end: context.cursor,
      signatures: call.map { overloads(ofCallee: $0.callee).map(\.signature) } ?? [])
  }

  private func nameItems() -> [Completions.Item] {
    let names = interpreter.globals.allNames
    let values = names.map {
      Completions.Item(
        text: $0.key, type: Self.kind(of: $0.value.value),
        signature: Self.signatures(of: $0.value.value))
    }
    .sorted { $0.text < $1.text }
    return values + Self.keywords.map { Completions.Item(text: $0, type: "keyword") }
  }

  /// A function's signatures, one a line: every overload of a native; nil for other values.
  static func signatures(of value: Value) -> String? {
    switch value {
    case .native(let function): return function.signatures.joined(separator: "\n")
    case .closure(let closure): return closure.signature
    default: return nil
    }
  }

  static func kind(of value: Value) -> String {
    switch value {
    case .native(let function): return function.isType ? "class" : "function"
    case .closure: return "function"
    default: return value.typeName
    }
  }

  private func labelItems(_ context: CursorContext, before position: Int) -> [Completions.Item] {
    guard let call = context.enclosingCall(before: position),
      call.label == nil || isAfterComma(context, position)
    else {
      return []
    }
    return overloads(ofCallee: call.callee).flatMap { overload in
      overload.parameters.compactMap { parameter in
        parameter.label.map {
          Completions.Item(text: $0 + ": ", type: "argument label", signature: overload.signature)
        }
      }
    }
  }

  /// Whether the word at `position` starts an argument (after `(` or `,`), so a label fits there.
  private func isAfterComma(_ context: CursorContext, _ position: Int) -> Bool {
    var index = position
    while index > 0, context.scalars[index - 1] == " " { index -= 1 }
    return index > 0 && (context.scalars[index - 1] == "," || context.scalars[index - 1] == "(")
  }

  private func implicitMembers(_ context: CursorContext, before position: Int) -> [Completions.Item]
  {
    if let call = context.enclosingCall(before: position) {
      let parameters = parameters(ofCallee: call.callee)
      let parameter =
        parameters.first { $0.label == call.label } ?? (call.label == nil ? parameters.first : nil)
      if let parameter, !parameter.implicitMembers.isEmpty {
        return parameter.implicitMembers.map {
          Completions.Item(text: $0, type: parameter.type ?? "implicit member")
        }
      }
    }
    var all: [String] = []
    for (_, box) in interpreter.builtins.names {
      if case .native(let native) = box.value {
        all += native.parameters.flatMap(\.implicitMembers)
      }
    }
    return Set(all).sorted().map { Completions.Item(text: $0, type: "implicit member") }
  }

  private func memberItems(of receiver: String) -> [Completions.Item] {
    guard let value = evaluateQuietly(receiver) else { return [] }
    switch value {
    case .host(let object):
      return object.members.map { member in
        guard member.parameters != nil else {
          return Completions.Item(text: member.name, type: member.type ?? "property")
        }
        let all = object.members.filter { $0.name == member.name && $0.parameters != nil }
        return Completions.Item(
          text: member.name, type: "method",
          signature: all.map { "\(object.typeName).\($0.signature)" }.joined(separator: "\n"))
      }
    case .tuple(let elements):
      return elements.indices.map {
        Completions.Item(text: String($0), type: elements[$0].typeName)
      }
    case .native(let native):
      return native.staticMembers.sorted { $0.key < $1.key }.map {
        Completions.Item(text: $0.key, type: Self.kind(of: $0.value))
      }
    case .instance, .object, .type:
      return Set(interpreter.userMemberNames(value) + interpreter.hostStandInMemberNames(value))
        .sorted().map { Completions.Item(text: $0, type: value.typeName + " member") }
    default:
      return BuiltinMembers.names(for: value).map {
        Completions.Item(text: $0, type: value.typeName + " member")
      }
    }
  }

  /// The parameters of the function a callee chain names (natives, user functions, host
  /// methods), of every overload in turn.
  func parameters(ofCallee callee: String) -> [Parameter] {
    overloads(ofCallee: callee).flatMap(\.parameters)
  }

  /// Every signature of the function a callee chain names, with its parameters: a native and its
  /// overloads (`Tensor(_:)`, `Tensor(imageFile:size:channels:)`), a host object's methods of
  /// that name, a built-in type's methods (`sorted()`, `sorted(by:)`), a user function.
  func overloads(ofCallee callee: String) -> [(signature: String, parameters: [Parameter])] {
    if let dot = callee.lastIndex(of: "."), let receiver = evaluateQuietly(String(callee[..<dot])) {
      let name = String(callee[callee.index(after: dot)...])
      switch receiver {
      case .host(let object):
        return object.members.filter { $0.name == name && $0.parameters != nil }
          .map { ("\(object.typeName).\($0.signature)", $0.parameters ?? []) }
      case .native(let native):
        if case .native(let member)? = native.staticMembers[name] {
          return Self.overloads(of: member)
        }
      default:
        let found =
          BuiltinMembers.lookup(receiver, name, mutating: false)
          ?? BuiltinMembers.lookup(receiver, name, mutating: true)
        if let found {
          return found.methods.map { ("\(found.typeName).\($0.signature)", $0.parameters) }
        }
      }
      return []
    }
    switch evaluateQuietly(callee) {
    case .native(let native)?: return Self.overloads(of: native)
    case .closure(let closure)?:
      return [
        (
          closure.signature,
          closure.parameters.map {
            Parameter(label: $0.label, name: $0.name, type: $0.type?.description)
          }
        )
      ]
    default: return []
    }
  }

  static func overloads(of native: NativeFunction) -> [(signature: String, parameters: [Parameter])]
  {
    ([native] + native.overloads).map { ($0.signature, $0.parameters) }
  }

  /// Evaluates a receiver chain without calls (`lenet.layers[0]`), silently; nil on any failure.
  func evaluateQuietly(_ text: String) -> Value? {
    guard !text.contains("("), !text.isEmpty else { return nil }
    let file = SourceFile(name: "<completion>", text: text)
    let parsed = BigStack.run { CellParser.parse(file) }
    let statements = parsed.statements
    guard parsed.diagnostics.isEmpty, statements.count == 1,
      case .expression(let expr) = statements[0].kind
    else {
      return nil
    }
    let saved = (
      interpreter.sink, interpreter.cancellation, interpreter.stepLimit, interpreter.file
    )
    interpreter.sink = RecordingSink()
    interpreter.cancellation = CancellationToken()
    interpreter.stepLimit = interpreter.steps + 1_000
    interpreter.file = file
    defer {
      (interpreter.sink, interpreter.cancellation, interpreter.stepLimit, interpreter.file) = saved
    }
    return try? interpreter.evaluate(expr, in: interpreter.globals)
  }
}
