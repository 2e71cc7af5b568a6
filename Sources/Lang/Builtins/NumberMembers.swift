import Foundation

/// The methods of Int and Double, and `Optional.map` (a value that is there is the value itself
/// in cells, so `x.map { … }` on an Int, Double or Bool applies the closure; on nil it is nil).
enum NumberMembers {
  static let int: BuiltinMembers.Table = Dictionary(
    grouping: [
      BuiltinMethod(
        "isMultiple", [P.label("of", "Int", name: "other")], returns: "Bool",
        "Whether other divides the number."
      ) { r, c in
        let other = try c.int(0)
        guard let number = r.intValue else { return .bool(false) }
        return .bool(other == 0 ? number == 0 : number % other == 0)
      },
      BuiltinMethod("squareRoot", returns: "Double", "√x as a Double.") { r, _ in
        .double((r.doubleValue ?? 0).squareRoot())
      },
      BuiltinMethod(
        "quotientAndRemainder", [P.label("dividingBy", "Int", name: "rhs")],
        returns: "(quotient: Int, remainder: Int)",
        "Quotient and remainder of the division, rounded toward zero: (17, 5) gives (3, 2)."
      ) { r, c in
        let divisor = try c.int(0), number = r.intValue ?? 0
        guard divisor != 0 else { throw c.fail(.divisionByZero()) }
        guard !(number == Int.min && divisor == -1) else {
          throw c.fail(.arithmeticOverflow("quotientAndRemainder"))
        }
        let (q, rest) = number.quotientAndRemainder(dividingBy: divisor)
        return .tuple([.int(q), .int(rest)])
      },
      BuiltinMethod("signum", returns: "Int", "-1, 0 or 1: the sign of the number.") { r, _ in
        .int((r.intValue ?? 0).signum())
      },
      optionalMap,
    ], by: \.name)

  static let double: BuiltinMembers.Table = Dictionary(
    grouping: [
      BuiltinMethod(
        "rounded", returns: "Double", "Rounded to the nearest whole number, halves away from zero."
      ) { r, _ in
        .double((r.doubleValue ?? 0).rounded())
      },
      BuiltinMethod(
        "rounded", [P.plain("rule", "FloatingPointRoundingRule")], returns: "Double",
        "Rounded by a rule: .down, .up, .towardZero, .toNearestOrEven, .toNearestOrAwayFromZero."
      ) { r, c in
        guard case .implicitMember(let name) = c[0], let rule = rules[name] else {
          throw c.fail(
            .wrongType(
              c.function, expected: rules.keys.sorted().map { "." + $0 }.joined(separator: ", "),
              got: c[0].description))
        }
        return .double((r.doubleValue ?? 0).rounded(rule))
      },
      BuiltinMethod("squareRoot", returns: "Double", "√x.") { r, _ in
        .double((r.doubleValue ?? 0).squareRoot())
      },
      BuiltinMethod(
        "truncatingRemainder", [P.label("dividingBy", "Double", name: "other")], returns: "Double",
        "x − y·trunc(x / y), Swift's remainder of Doubles."
      ) { r, c in
        guard let divisor = c[0].doubleValue else {
          throw c.fail(.wrongType(c.function, expected: "Double", got: c[0].typeName))
        }
        return .double((r.doubleValue ?? 0).truncatingRemainder(dividingBy: divisor))
      },
      optionalMap,
    ], by: \.name)

  static let optional: BuiltinMembers.Table = ["map": [optionalMap]]

  private static let rules: [String: FloatingPointRoundingRule] = [
    "down": .down, "up": .up, "towardZero": .towardZero, "toNearestOrEven": .toNearestOrEven,
    "toNearestOrAwayFromZero": .toNearestOrAwayFromZero, "awayFromZero": .awayFromZero,
  ]

  static let optionalMap = BuiltinMethod(
    "map", [P.plain("transform", "(Wrapped) -> U")], returns: "U?",
    "Optional's map: the closure's result for a value, nil for nil."
  ) { r, c in
    r.isNil ? .null : try c.call(c[0], r)
  }
}
