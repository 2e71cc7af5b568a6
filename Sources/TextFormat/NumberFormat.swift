import Foundation

/// Deterministic decimal formatting: SVG attributes, chart labels, tables, training reports.
///
/// No locale, no exponent, never `-0`: `fixed(-0.001, maxFractionDigits: 2)` is `"0"`. Every
/// fixed-point number Stride prints goes through `fixed` (one rounding rule: half away from zero
/// on the scaled value).
public enum NumberFormat {
  /// `value` rounded to at most `maxFractionDigits` decimals, trailing zeros dropped down to
  /// `minFractionDigits`.
  ///
  /// `fixed(12.5)` is `"12.5"`, `fixed(3.0)` is `"3"`, `fixed(0.256)` is `"0.26"`,
  /// `fixed(3, maxFractionDigits: 4, minFractionDigits: 1)` is `"3.0"`, `fixed(1.5,
  /// minFractionDigits: 2)` is `"1.50"`. Non-finite values print as `nan`, `inf`, `-inf` (SVG
  /// attributes map them to 0 themselves). Magnitudes beyond 1e15 are clamped.
  public static func fixed(_ value: Double, maxFractionDigits: Int = 2, minFractionDigits: Int = 0)
    -> String
  {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let text = rounded(value, maxFractionDigits: maxFractionDigits)
    let minimum = min(max(minFractionDigits, 0), 9)
    guard minimum > 0 else { return text }
    let present = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
    let padding = String(repeating: "0", count: max(minimum - (present ?? 0), 0))
    return present == nil ? text + "." + padding : text + padding
  }

  /// `value` (finite) rounded to at most `maxFractionDigits` decimals, trailing zeros dropped.
  private static func rounded(_ value: Double, maxFractionDigits: Int) -> String {
    let digits = min(max(maxFractionDigits, 0), 9)
    var power: Int64 = 1
    for _ in 0..<digits { power *= 10 }
    let clamped = min(max(value, -1e15), 1e15)
    let scaled = (abs(clamped) * Double(power)).rounded()
    guard scaled < 9e18 else { return clamped < 0 ? "-1000000000000000" : "1000000000000000" }
    let units = Int64(scaled)
    guard units != 0 else { return "0" }
    var text = clamped < 0 ? "-" : ""
    text += String(units / power)
    var fraction = units % power
    guard fraction != 0 else { return text }
    var width = digits
    while fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    let fractionText = String(fraction)
    text += "." + String(repeating: "0", count: width - fractionText.count) + fractionText
    return text
  }

  /// A compact label with about `significant` significant digits: `0.000123` → `"1.23e-4"`,
  /// `1234567` → `"1.23e6"`, `0.5` → `"0.5"`, `42` → `"42"`.
  public static func compact(_ value: Double, significant: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let magnitude = abs(value)
    guard magnitude > 0 else { return "0" }
    let exponent = Int(floor(log10(magnitude)))
    if exponent >= 6 || exponent <= -4 {
      let mantissa = value / pow(10, Double(exponent))
      return fixed(mantissa, maxFractionDigits: max(significant - 1, 0)) + "e\(exponent)"
    }
    let decimals = max(significant - 1 - exponent, 0)
    return fixed(value, maxFractionDigits: decimals)
  }
}
