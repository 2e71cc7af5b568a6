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
    start = context.chain(endingAt: end).isEmpty ? start : end - context.chain(endingAt: end).unicodeScalars.count
    end = max(end, start)
    return describe(chain: context.text(start, end), detailLevel: detailLevel)
  }

  private func describe(chain: String, detailLevel: Int) -> MimeBundle? {
    var text: String?
    if let dot = chain.lastIndex(of: "."), case .host(let object)? = evaluateQuietly(String(chain[..<dot])) {
      let name = String(chain[chain.index(after: dot)...])
      if let member = object.members.first(where: { $0.name == name }) {
        text = "\(object.typeName).\(member.signature)\n\n\(member.doc)"
      }
    }
    if text == nil, let value = evaluateQuietly(chain) { text = describe(value, name: chain, detailLevel: detailLevel) }
    return text.map { MimeBundle(plain: $0) }
  }

  private func describe(_ value: Value, name: String, detailLevel: Int) -> String {
    switch value {
    case .native(let native):
      var text = native.signature + "\n\n" + native.doc
      if let example = native.example { text += "\n\nExample:\n    " + example }
      if !native.staticMembers.isEmpty {
        text += "\n\nMembers: " + native.staticMembers.keys.sorted().joined(separator: ", ")
      }
      return text
    case .closure(let closure):
      return closure.signature
    case .host(let object):
      var text = "\(name): \(object.typeName)\n\n\(object.description)"
      if detailLevel > 0 || !object.members.isEmpty {
        text += "\n\nMembers:\n" + object.members.map { "    \($0.signature)  — \($0.doc)" }.joined(separator: "\n")
      }
      return text
    default:
      var description = value.debugDescription
      if description.count > 2_000 { description = String(description.prefix(2_000)) + " …" }
      return "\(name): \(value.typeName) = \(description)"
    }
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
    return .incomplete(indent: opensBlock || parsed.openBrackets > 0 && current.isEmpty ? current + "    " : current)
  }
}
