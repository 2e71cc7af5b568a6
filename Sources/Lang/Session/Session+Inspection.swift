import Display

extension Session {
  /// Documentation for what is at `cursor`: a built-in's signature, doc and example; a host
  /// member's signature and doc; a bound value's type and description. Nil when nothing is known.
  /// `detailLevel` 1 adds the member list of host objects.
  public func inspect(_ source: String, cursor: Int, detailLevel: Int = 0) -> MimeBundle? {
    let context = CursorContext(source, cursor: cursor)
    var end = context.wordEnd(after: context.cursor)
    var start = context.wordStart(before: context.cursor)
    if start == end, let call = context.enclosingCall(before: context.cursor) {
      return describe(chain: call.callee, detailLevel: detailLevel)
    }
    if start == end { return nil }
    start =
      context.chain(endingAt: end).isEmpty
      ? start : end - context.chain(endingAt: end).unicodeScalars.count
    end = max(end, start)
    return describe(chain: context.text(start, end), detailLevel: detailLevel)
  }

  private func describe(chain: String, detailLevel: Int) -> MimeBundle? {
    var text: String?
    if let dot = chain.lastIndex(of: "."),
      case .host(let object)? = evaluateQuietly(String(chain[..<dot]))
    {
      let name = String(chain[chain.index(after: dot)...])
      let found = object.members.filter { $0.name == name }
      if let member = found.first {
        text =
          found.map { "\(object.typeName).\($0.signature)" }.joined(separator: "\n")
          + "\n\n\(member.doc)"
        for other in found.dropFirst() where other.doc != member.doc { text? += "\n\n\(other.doc)" }
      }
    }
    if text == nil, let value = evaluateQuietly(chain) {
      text = describe(value, name: chain, detailLevel: detailLevel)
    }
    return text.map { MimeBundle(plain: $0) }
  }

  private func describe(_ value: Value, name: String, detailLevel: Int) -> String {
    switch value {
    case .native(let native):
      var text = Self.help(native)
      if !native.staticMembers.isEmpty {
        text += "\n\nMembers: " + native.staticMembers.keys.sorted().joined(separator: ", ")
      }
      return text
    case .closure(let closure):
      return closure.signature
    case .host(let object):
      var text = "\(name): \(object.typeName)\n\n\(object.description)"
      if detailLevel > 0 || !object.members.isEmpty {
        text +=
          "\n\nMembers:\n"
          + object.members.map { "    \($0.signature)  — \($0.doc)" }.joined(separator: "\n")
      }
      return text
    default:
      var description = value.debugDescription
      if description.count > 2_000 { description = String(description.prefix(2_000)) + " …" }
      return "\(name): \(value.typeName) = \(description)"
    }
  }

  /// Every signature of a native (its overloads too, in the order a call tries them), its doc,
  /// each overload's own doc, and the examples.
  static func help(_ native: NativeFunction) -> String {
    var text = native.signatures.joined(separator: "\n") + "\n\n" + native.doc
    for other in native.overloads where !other.doc.isEmpty && other.doc != native.doc {
      text += "\n\n\(other.signatureName): \(other.doc)"
    }
    var examples: [String] = []
    for example in ([native] + native.overloads).compactMap(\.example)
    where !examples.contains(example) {
      examples.append(example)
    }
    if !examples.isEmpty {
      text +=
        "\n\nExample\(examples.count > 1 ? "s" : ""):\n    " + examples.joined(separator: "\n    ")
    }
    return text
  }

  /// Whether the cell can run as typed (`complete`), needs more lines (`incomplete`, with the
  /// indent for the next line: open brackets, strings, or a trailing operator), or cannot parse.
  public func isComplete(_ source: String) -> Completeness {
    if Self.helpTopic(source) != nil { return .complete }
    let file = SourceFile(name: "<is_complete>", text: source)
    let parsed = BigStack.run { CellParser.parse(file) }
    if parsed.syntaxDiagnostics.isEmpty { return .complete }
    guard parsed.endsEarly else { return .invalid }
    let lastLine = source.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
    let current = String(lastLine.prefix { $0 == " " || $0 == "\t" })
    let opensBlock = source.trimmingSpaces().last.map { "{([".contains($0) } ?? false
    return .incomplete(
      indent: opensBlock || parsed.openBrackets > 0 && current.isEmpty ? current + "    " : current)
  }
}
