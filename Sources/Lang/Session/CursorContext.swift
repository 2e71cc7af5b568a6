/// What surrounds a cursor, found by scanning the text (the cell being typed rarely parses).
struct CursorContext {
  let scalars: [Unicode.Scalar]
  let cursor: Int

  init(_ source: String, cursor: Int) {
    scalars = Array(source.unicodeScalars)
    self.cursor = max(0, min(cursor, scalars.count))
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic
      || (scalar >= "0" && scalar <= "9")
  }

  /// The start of the identifier that ends at `position`.
  func wordStart(before position: Int) -> Int {
    var start = position
    while start > 0, Self.isWordScalar(scalars[start - 1]) { start -= 1 }
    return start
  }

  /// The end of the identifier that starts at or continues past `position`.
  func wordEnd(after position: Int) -> Int {
    var end = position
    while end < scalars.count, Self.isWordScalar(scalars[end]) { end += 1 }
    return end
  }

  func text(_ lower: Int, _ upper: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[max(0, lower)..<max(max(0, lower), min(upper, scalars.count))])
    return String(view)
  }

  /// The receiver chain (`lenet.layers[0]`) that ends just before `position`, or "".
  func chain(endingAt position: Int) -> String {
    var start = position
    var depth = 0
    while start > 0 {
      let scalar = scalars[start - 1]
      if scalar == ")" || scalar == "]" {
        depth += 1
      } else if scalar == "(" || scalar == "[" {
        if depth == 0 { break }
        depth -= 1
      } else if depth == 0 && !(Self.isWordScalar(scalar) || scalar == ".") {
        break
      }
      start -= 1
    }
    return text(start, position).trimmingSpaces()
  }

  /// The innermost unclosed `(` before `position`: the callee chain and the argument label in effect.
  func enclosingCall(before position: Int) -> (callee: String, label: String?)? {
    var index = position
    var depth = 0
    var label: String?
    var sawComma = false
    while index > 0 {
      index -= 1
      let scalar = scalars[index]
      switch scalar {
      case ")", "]", "}": depth += 1
      case "[", "{":
        if depth == 0 { return nil }
        depth -= 1
      case "(":
        if depth > 0 {
          depth -= 1
          continue
        }
        let callee = chain(endingAt: index)
        return callee.isEmpty ? nil : (callee, label)
      case ",":
        if depth == 0 { sawComma = true }
      case ":":
        if depth == 0 && !sawComma && label == nil {
          let end = index
          let start = wordStart(before: end)
          if start < end { label = text(start, end) }
        }
      default: break
      }
    }
    return nil
  }
}
