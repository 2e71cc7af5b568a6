import Foundation
import Graphics
import TextFormat

/// How an axis maps values to positions.
public enum AxisScale: Sendable, Hashable {
  /// Equal steps for equal differences.
  case linear
  /// Equal steps for equal ratios (base 10); values ≤ 0 are left out.
  case log
}

/// A value range mapped onto a pixel range, with its ticks.
struct AxisMap {
  let scale: AxisScale
  /// Data domain after rounding out to ticks.
  let low: Double, high: Double
  /// Pixel positions of `low` and `high`.
  let start: Double, end: Double
  /// Tick values and their labels.
  let ticks: [(value: Double, label: String)]

  /// An axis covering `values` (non-finite ignored; ≤ 0 ignored on log), mapped to start…end.
  /// On linear axes `margin` (a fraction of the data span) is added on both sides first.
  init(
    values: [Double], scale: AxisScale, start: Double, end: Double, tickCount: Int = 6,
    margin: Double = 0
  ) {
    let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    var low = usable.min() ?? (scale == .log ? 0.1 : 0)
    var high = usable.max() ?? (scale == .log ? 10 : 1)
    if scale == .linear && high > low && margin > 0 {
      // The margin keeps lines off the frame; it never pushes a non-negative range below 0.
      let pad = margin * (high - low)
      low = low >= 0 && low - pad < 0 ? 0 : low - pad
      high += pad
    }
    let layout =
      scale == .log
      ? Ticks.logarithmic(low: low, high: high)
      : Ticks.linear(low: low, high: high, count: tickCount)
    self.scale = scale
    self.low = layout.low
    self.high = layout.high
    self.start = start
    self.end = end
    self.ticks = layout.ticks
  }

  /// The same axis with another pixel range.
  init(_ other: AxisMap, start: Double, end: Double) {
    scale = other.scale
    low = other.low
    high = other.high
    ticks = other.ticks
    self.start = start
    self.end = end
  }

  /// Pixel position of `value` (values outside the domain extrapolate; log of ≤ 0 is `nil`).
  func position(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let t: Double
    switch scale {
    case .linear:
      // Halved so that spans near Double's limits do not overflow.
      t = high > low ? (value / 2 - low / 2) / (high / 2 - low / 2) : 0.5
    case .log:
      guard value > 0 else { return nil }
      t = (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
    let position = start + t * (end - start)
    return position.isFinite ? position : nil
  }

  /// The widest tick label in pixels at `fontSize`.
  func widestLabel(fontSize: Double) -> Double {
    ticks.map { TextMetrics.width(of: $0.label, fontSize: fontSize) }.max() ?? 0
  }
}

/// "Nice" tick positions: steps of 1, 2 or 5 × 10ⁿ on linear axes, decades on log axes.
enum Ticks {
  /// A domain rounded out to whole steps and the ticks on it (about `count` of them).
  static func linear(low: Double, high: Double, count: Int)
    -> (low: Double, high: Double, ticks: [(value: Double, label: String)])
  {
    var (low, high) = (low, high)
    if !(high > low) {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      (low, high) = (low - pad, high + pad)
    }
    let step = niceStep((high - low) / Double(max(count - 1, 1)))
    let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
    guard (last - first).isFinite, last - first <= 100 else {
      // Spans beyond Double's range (e.g. ±1e308): label just the ends.
      return (low, high, [low, high].map { (value: $0, label: NumberFormat.compact($0)) })
    }
    let values = stride(from: first, through: last, by: 1).map { $0 * step }
    let decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
    let ticks = values.map { (value: $0, label: linearLabel($0, decimals: decimals)) }
    return (first * step, last * step, ticks)
  }

  /// 1, 2 or 5 × 10ⁿ, the smallest at least `rough`.
  static func niceStep(_ rough: Double) -> Double {
    guard rough > 0, rough.isFinite else { return 1 }
    let power = pow(10, (log10(rough)).rounded(.down))
    let fraction = rough / power
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * power
  }

  static func linearLabel(_ value: Double, decimals: Int) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-4) {
      return NumberFormat.compact(value, significant: 3)
    }
    return NumberFormat.fixed(value, maxFractionDigits: min(decimals, 6))
  }

  /// Whole decades around low…high; with few decades, also 2× and 5× ticks.
  static func logarithmic(low: Double, high: Double)
    -> (low: Double, high: Double, ticks: [(value: Double, label: String)])
  {
    let first = Int(min(max(log10(low).rounded(.down), -300), 299))
    var last = Int(min(max(log10(high).rounded(.up), -300), 300))
    if last <= first { last = first + 1 }
    let stepExponent = max(1, (last - first + 5) / 6)
    last = first + (last - first + stepExponent - 1) / stepExponent * stepExponent
    var values: [Double] = []
    for exponent in stride(from: first, through: last, by: stepExponent) {
      let decade = pow(10, Double(exponent))
      values.append(decade)
      if last - first <= 2 && exponent < last {
        values += [2 * decade, 5 * decade]
      }
    }
    let ticks = values.map { (value: $0, label: NumberFormat.compact($0, significant: 2)) }
    return (pow(10, Double(first)), pow(10, Double(last)), ticks)
  }
}
