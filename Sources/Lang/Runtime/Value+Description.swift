import Display

/// The plain-text forms of values: `description` is what `print` shows, `debugDescription` quotes
/// strings (as inside arrays and as a cell's result).
extension Value: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { render(quoted: false) }

  public var debugDescription: String { render(quoted: true) }

  private func render(quoted: Bool) -> String {
    switch self {
    case .void: return "()"
    case .null: return "nil"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return number.description
    case .string(let text): return quoted ? Value.quote(text) : text
    case .array(let elements):
      return "[" + elements.map(\.debugDescription).joined(separator: ", ") + "]"
    case .dictionary(let dictionary):
      guard dictionary.count > 0 else { return "[:]" }
      let entries = dictionary.entries.map {
        "\($0.key.debugDescription): \($0.value.debugDescription)"
      }
      return "[" + entries.joined(separator: ", ") + "]"
    case .tuple(let elements):
      return "(" + elements.map(\.debugDescription).joined(separator: ", ") + ")"
    case .range(let range):
      let lower = range.lower.map(String.init) ?? ""
      let upper = range.upper.map(String.init) ?? ""
      return lower + (range.isClosed || range.upper == nil ? "..." : "..<") + upper
    case .native(let function):
      return function.isType ? function.name : "(function \(function.name))"
    case .closure(let closure): return "(function \(closure.name))"
    case .host(let object): return object.description
    case .implicitMember(let name): return "." + name
    case .type(let type): return type.name
    case .instance(let instance): return UserType.describe(instance, quoted: quoted)
    case .object(let object): return UserType.describe(object)
    }
  }

  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// The MIME bundle of a result: the host's rich forms, else the plain text form.
  public var displayBundle: MimeBundle {
    if case .host(let object) = self { return object.displayBundle() }
    return MimeBundle(plain: debugDescription)
  }
}
