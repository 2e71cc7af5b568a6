import Foundation  // only for the C library's vsnprintf (one number at a time)

/// `String(format:_:)`: printf-style text, `%[flags][width][.precision]conversion`.
///
/// Conversions: `d i` (Int), `u x X o` (Int as unsigned: a negative Int shows its 64-bit two's
/// complement), `f F e E g G a A` (Double; an Int converts), `s @` (any value's text form, as
/// `print` shows it), `c` (a one-character String or a Unicode code point), `%%` (a percent sign).
/// Flags `- + space 0 #`; width and precision are numbers (at most 1000; `*` is not supported).
/// The length modifiers of C (`l ll h hh q z t j L`) are accepted and ignored, so `%ld` and `%lf`
/// work. Parsing, argument checks and string padding are Stride's; the digits of one number come
/// from the C library's `snprintf`, which rounds exactly. Arguments past the last conversion are
/// ignored, as in Swift; a missing argument or a wrong type is an error (Swift prints garbage).
enum StringFormat {
  /// What went wrong, with advice.
  struct Failure: Error {
    let kind: String
    let message: String
    let hint: String?
  }

  /// One `%…` conversion as written.
  private struct Spec {
    var flags = ""
    var width: Int?
    var precision: Int?
    var conversion: Character = "d"
    var text = "%"
  }

  static let maximumWidth = 1000

  /// The formatted text.
  static func format(_ template: String, _ arguments: [Value]) throws -> String {
    var output = ""
    var characters = template[...]
    var next = 0
    while let percent = characters.firstIndex(of: "%") {
      output += characters[..<percent]
      characters = characters[characters.index(after: percent)...]
      let spec = try parse(&characters)
      if spec.conversion == "%" {
        output += "%"
        continue
      }
      guard next < arguments.count else {
        throw Failure(
          kind: "ValueError",
          message: "String(format:) has no argument for '\(spec.text)' (conversion \(next + 1))",
          hint: "give one argument per conversion; write %% for a percent sign")
      }
      output += try convert(spec, arguments[next])
      next += 1
    }
    return output + characters
  }

  /// Reads flags, width, precision, length modifiers and the conversion after a `%`.
  private static func parse(_ characters: inout Substring) throws -> Spec {
    var spec = Spec()
    func take() -> Character? {
      guard let first = characters.first else { return nil }
      characters = characters.dropFirst()
      spec.text.append(first)
      return first
    }
    func number() throws -> Int? {
      var digits = ""
      while let first = characters.first, first.isASCII, first.isNumber { digits.append(take()!) }
      guard !digits.isEmpty else { return nil }
      guard let value = Int(digits), value <= maximumWidth else {
        throw Failure(
          kind: "ValueError",
          message: "width or precision \(digits) in '\(spec.text)' is too large",
          hint: "use at most \(maximumWidth)")
      }
      return value
    }
    while let first = characters.first, "-+ 0#".contains(first) { spec.flags.append(take()!) }
    spec.width = try number()
    if characters.first == "." {
      _ = take()
      spec.precision = try number() ?? 0
    }
    while let first = characters.first, "lhqztjL".contains(first) { _ = take() }
    guard let conversion = take() else {
      throw Failure(
        kind: "ValueError", message: "String(format:) ends inside the conversion '\(spec.text)'",
        hint: "write %% for a percent sign")
    }
    guard "diuxXofFeEgGaAs@c%".contains(conversion) else {
      throw Failure(
        kind: "ValueError", message: "unknown conversion '\(spec.text)' in String(format:)",
        hint: "use %d for Int, %f %e %g for Double, %s for text, %x for hex, %% for a percent sign")
    }
    spec.conversion = conversion
    return spec
  }

  private static func convert(_ spec: Spec, _ argument: Value) throws -> String {
    switch spec.conversion {
    case "d", "i":
      guard case .int(let number) = argument else {
        throw mismatch(spec, argument, "an Int", "%f for a Double, or Int(x)")
      }
      return c(spec, "ld", number)
    case "u", "x", "X", "o":
      guard case .int(let number) = argument else {
        throw mismatch(spec, argument, "an Int", "Int(x)")
      }
      return c(spec, "l" + String(spec.conversion), UInt(bitPattern: number))
    case "c":
      return try character(spec, argument)
    case "s", "@":
      return pad(spec, text(spec, argument.description))
    default:
      guard let number = argument.doubleValue else {
        throw mismatch(spec, argument, "a Double", "%s for text")
      }
      return c(spec, String(spec.conversion), number)
    }
  }

  private static func character(_ spec: Spec, _ argument: Value) throws -> String {
    switch argument {
    case .string(let text) where text.count == 1: return pad(spec, text)
    case .int(let code):
      guard let scalar = UInt32(exactly: code).flatMap(Unicode.Scalar.init) else {
        throw Failure(
          kind: "ValueError",
          message: "'\(spec.text)' got \(code), which is not a Unicode code point", hint: nil)
      }
      return pad(spec, String(Character(scalar)))
    default: throw mismatch(spec, argument, "a Character or a code point", "%s for text")
    }
  }

  private static func mismatch(
    _ spec: Spec, _ argument: Value, _ expected: String, _ advice: String
  ) -> Failure {
    Failure(
      kind: "TypeError",
      message:
        "String(format:) conversion '\(spec.text)' expects \(expected), got \(argument.typeName)",
      hint: "use \(advice)")
  }

  /// The text cut to `precision` characters, as `%.3s` does.
  private static func text(_ spec: Spec, _ value: String) -> String {
    guard let precision = spec.precision else { return value }
    return String(value.prefix(precision))
  }

  /// Pads to the width with spaces (left-justified with `-`), counting characters.
  private static func pad(_ spec: Spec, _ value: String) -> String {
    guard let width = spec.width, value.count < width else { return value }
    let fill = String(repeating: " ", count: width - value.count)
    return spec.flags.contains("-") ? value + fill : fill + value
  }

  /// One number through the C library: the spec rebuilt from parsed parts only.
  private static func c(_ spec: Spec, _ conversion: String, _ argument: CVarArg) -> String {
    var format = "%" + spec.flags
    if let width = spec.width { format += String(width) }
    if let precision = spec.precision { format += "." + String(precision) }
    format += conversion
    var buffer = [CChar](repeating: 0, count: 2 * maximumWidth + 400)
    let written = withVaList([argument]) { list in
      buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) }
    }
    guard written >= 0 else { return "" }
    let bytes = buffer.prefix(min(Int(written), buffer.count - 1)).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
