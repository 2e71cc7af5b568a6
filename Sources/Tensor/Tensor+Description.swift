/// NumPy-style text: nested brackets, aligned columns, "..." past 1,000 elements.
extension Tensor: CustomStringConvertible, CustomDebugStringConvertible {
  /// Values only, e.g. `[[1, 2], [3, 4]]` laid out one row per line.
  public var description: String { TensorFormatter(self).render() }

  /// Values with at most `precision` decimals (0...10; NumPy's `set_printoptions(precision:)`).
  public func description(precision: Int) -> String {
    TensorFormatter(self, precision: Swift.min(Swift.max(precision, 0), 10)).render()
  }

  /// The shape, then the values.
  public var debugDescription: String { "Tensor(shape: \(shape))\n" + description }
}

/// Formats a tensor the way NumPy prints arrays.
struct TensorFormatter {
  /// Above this many elements only `edgeItems` at each end of every axis are shown.
  static let threshold = 1000
  static let edgeItems = 3

  let tensor: Tensor
  let summarize: Bool
  let texts: [Int: String]
  let width: Int

  init(_ tensor: Tensor, precision: Int = 4) {
    self.tensor = tensor
    summarize = tensor.count > TensorFormatter.threshold
    let shown = TensorFormatter.shownIndices(tensor.shape, summarize)
    let values = shown.map { tensor.scalars[$0] }
    let integral = values.allSatisfy { $0.isFinite && $0 == $0.rounded() && Swift.abs($0) < 1e15 }
    let big = values.contains {
      $0.isFinite && (Swift.abs($0) >= 1e8 || ($0 != 0 && Swift.abs($0) < 1e-4))
    }
    var map: [Int: String] = [:]
    for i in shown {
      map[i] = TensorFormatter.format(
        tensor.scalars[i], integral: integral, scientific: big, digits: precision)
    }
    texts = map
    width = map.values.map(\.count).max() ?? 0
  }

  /// Flat indices of the elements that will be printed.
  static func shownIndices(_ shape: [Int], _ summarize: Bool) -> [Int] {
    // An empty tensor shows no element, whatever its other axes (they may be huge: [3037000500, 0]).
    guard Shape.count(shape) > 0 else { return [] }
    var result = [0]
    for d in shape {
      let kept = keptPositions(d, summarize)
      result = result.flatMap { base in kept.map { base * d + $0 } }
    }
    return result
  }

  static func keptPositions(_ d: Int, _ summarize: Bool) -> [Int] {
    if summarize && d > 2 * edgeItems { return Array(0..<edgeItems) + Array((d - edgeItems)..<d) }
    return Array(0..<d)
  }

  static func format(_ v: Float, integral: Bool, scientific: Bool, digits: Int = 4) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    if integral { return String(Int64(v)) }
    if scientific { return scientificText(v, digits: digits) }
    var s = String(format4(Double(v), digits: digits))
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }

  /// Fixed point with `digits` decimals, 4 by default ("0.1235"); |v| below 1e8.
  static func format4(_ v: Double, digits: Int = 4) -> String {
    let unit = pow10(digits)
    let scaled = (Swift.abs(v) * unit).rounded()
    let whole = Int64(scaled / unit), frac = Int64(scaled) % Int64(unit)
    let fracText = digits == 0 ? "" : String(frac)
    let sign = v < 0 && scaled != 0 ? "-" : ""
    return "\(sign)\(whole)." + String(repeating: "0", count: digits - fracText.count) + fracText
  }

  static func scientificText(_ v: Float, digits: Int = 4) -> String {
    if v == 0 { return format4(0, digits: digits) + "e+00" }
    var e = Int(Double(Swift.abs(v)).exponentBase10)
    var m = Double(v) / pow10(e)
    if Swift.abs(m) >= 10 - 0.5 / pow10(digits) {
      m /= 10
      e += 1
    }
    let exp = (e < 0 ? "-" : "+") + (Swift.abs(e) < 10 ? "0" : "") + String(Swift.abs(e))
    return format4(m, digits: digits) + "e" + exp
  }

  static func pow10(_ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<Swift.abs(e) { r *= 10 }
    return e < 0 ? 1 / r : r
  }

  func render() -> String {
    if tensor.rank == 0 { return texts[0] ?? "" }
    if tensor.count == 0 {
      return String(repeating: "[", count: tensor.rank) + String(repeating: "]", count: tensor.rank)
    }
    return block(axis: 0, base: 0, indent: 1)
  }

  /// The bracketed text of the sub-tensor starting at flat element `base` along `axis`.
  private func block(axis: Int, base: Int, indent: Int) -> String {
    let shape = tensor.shape, d = shape[axis]
    let inner = Shape.count(Array(shape[(axis + 1)...]))
    let kept = TensorFormatter.keptPositions(d, summarize)
    var parts: [String] = []
    for (n, k) in kept.enumerated() {
      if n > 0 && k != kept[n - 1] + 1 { parts.append("...") }
      if axis == shape.count - 1 {
        let t = texts[base + k] ?? ""
        parts.append(String(repeating: " ", count: width - t.count) + t)
      } else {
        parts.append(block(axis: axis + 1, base: base + k * inner, indent: indent + 1))
      }
    }
    if axis == shape.count - 1 { return "[" + parts.joined(separator: ", ") + "]" }
    let gap =
      String(repeating: "\n", count: shape.count - axis - 1) + String(repeating: " ", count: indent)
    return "[" + parts.joined(separator: "," + gap) + "]"
  }
}

extension Double {
  /// floor(log10(|x|)) for a finite non-zero x.
  fileprivate var exponentBase10: Double {
    var e = 0.0, v = self
    while v >= 10 {
      v /= 10
      e += 1
    }
    while v < 1 {
      v *= 10
      e -= 1
    }
    return e
  }
}
