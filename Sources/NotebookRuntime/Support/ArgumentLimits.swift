import Lang

/// The allowed range of every integer argument of the built-ins, checked before a built-in runs,
/// so no size, stride, padding or count can overflow the engine's arithmetic or ask it for a
/// nonsensical layer: `ValueError: padding must be in 0...1048576, got 9223372036854775807`.
///
/// Ranges are by parameter name (the names are shared across built-ins and mean the same thing).
/// They are chosen so products the engine forms stay below 2⁶³: a layer's parameter count
/// filters·(kernel²·channels + 1) ≤ 2²⁰·(2²⁰·2²⁰ + 1); memory is then `MemoryBudget`'s to judge.
enum ArgumentLimits {
  /// Channels, filters, units, image sides, strides, paddings: 2²⁰.
  static let largestSize = 1 << 20
  /// Kernel sides and upsampling factors: 2¹⁰ (kernel² stays at 2²⁰).
  static let largestKernel = 1 << 10
  /// Most axes a shape argument may have.
  static let largestRank = 32

  static let ranges: [String: ClosedRange<Int>] = [
    "filters": 1...largestSize, "units": 1...largestSize, "inputs": 1...largestSize,
    "inChannels": 1...largestSize, "channels": 1...largestSize, "classes": 1...largestSize,
    "baseWidth": 1...largestSize, "input": 1...largestSize, "filter": 1...largestSize,
    "kernel": 1...largestKernel, "scale": 1...largestKernel,
    "stride": 1...largestSize, "dilation": 1...largestSize, "padding": 0...largestSize,
    "size": 1...largestSize, "batchSize": 1...largestSize, "count": 0...Int(Int32.max),
    "depth": 0...1000, "epochs": 0...1_000_000, "columns": 1...1024,
  ]

  /// Checks every Int argument with a range, and the rank of every `[Int]` argument.
  static func check(_ arguments: Arguments, _ parameters: [Parameter]) throws {
    for parameter in parameters {
      let value = arguments[parameter.name]
      if case .int(let number) = value, let range = ranges[parameter.name] {
        try check(number, parameter.name, in: range)
      } else if case .array(let elements) = value, parameter.type?.contains("[Int]") == true,
        elements.count > largestRank
      {
        throw HostError(
          "ValueError",
          "\(parameter.name) must have at most \(largestRank) dimensions, got \(elements.count)")
      }
    }
  }

  /// `number` if it lies in `range`; a ValueError naming the argument, its value and the range.
  @discardableResult
  static func check(_ number: Int, _ name: String, in range: ClosedRange<Int>) throws -> Int {
    guard range.contains(number) else {
      throw HostError(
        "ValueError", "\(name) must be in \(range.lowerBound)...\(range.upperBound), got \(number)")
    }
    return number
  }
}
