/// Members a user value borrows from the host: a value whose type declares a host protocol with a
/// stand-in (`struct Block: Layer`) answers the stand-in's members that its type lacks
/// (`Block().parameterCount`, `block.summary(input: [3, 32, 32])`, `block.fit(data)`).
extension Interpreter {
  /// The stand-in host object offering `name` for a user value, or nil.
  func hostStandIn(for value: Value, offering name: String, _ span: Span) throws -> (
    any HostObject
  )? {
    guard !hostStandIns.isEmpty else { return nil }
    return try standIn(for: value, span) { $0.members.contains { $0.name == name } }
  }

  /// The names the stand-ins of a user value offer (completion, did-you-mean).
  func hostStandInMemberNames(_ value: Value) -> [String] {
    guard !hostStandIns.isEmpty,
      let object = try? standIn(for: value, Span(0, 0), where: { _ in true })
    else { return [] }
    return object.members.map(\.name)
  }

  private func standIn(for value: Value, _ span: Span, where accepts: (any HostObject) -> Bool)
    throws -> (any HostObject)?
  {
    let scope = Self.userType(of: value)?.scope ?? globals
    for (proto, make) in hostStandIns
    where value.conforms(to: proto) && userProtocol(proto, in: scope) == nil {
      if let object = try host(span, { try make(value, context) }), accepts(object) {
        return object
      }
    }
    return nil
  }
}
