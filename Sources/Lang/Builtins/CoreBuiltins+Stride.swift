/// `stride(from:to:by:)` and `stride(from:through:by:)`: evenly spaced numbers as an array.
extension CoreBuiltins {
  /// The longest stride a cell may make.
  static let maximumStrideCount = 10_000_000

  /// `stride(from:to:by:)` (`closed` false: `to` is left out) or `stride(from:through:by:)`
  /// (`closed`: `through` is included when a step lands on it).
  static func stride(closed: Bool) -> NativeFunction {
    let end = closed ? "through" : "to"
    return NativeFunction(
      name: "stride",
      parameters: [
        Parameter(label: "from", type: "Double"), Parameter(label: end, type: "Double"),
        Parameter(label: "by", type: "Double"),
      ],
      returns: "Array",
      doc: closed
        ? "The numbers from `from` up to and including `through`, in steps of `by`."
        : "The numbers from `from` up to (not including) `to`, in steps of `by`.",
      example: closed
        ? "stride(from: 0, through: 10, by: 5)   // [0, 5, 10]"
        : "stride(from: 0, to: 1, by: 0.25)   // [0.0, 0.25, 0.5, 0.75]"
    ) { arguments in
      let values = [arguments["from"], arguments[end], arguments["by"]]
      if case .int(let from) = values[0], case .int(let bound) = values[1],
        case .int(let by) = values[2]
      {
        return try intStride(from, bound, by, closed: closed)
      }
      let (from, bound, by) = (
        try arguments.double("from"), try arguments.double(end), try arguments.double("by")
      )
      guard by != 0, by.isFinite, ((bound - from) / by) < Double(maximumStrideCount) else {
        throw fail(.invalidConversion("step \(by)", "a stride"))
      }
      let numbers =
        closed
        ? Array(Swift.stride(from: from, through: bound, by: by))
        : Array(Swift.stride(from: from, to: bound, by: by))
      return .array(numbers.map(Value.double))
    }
  }

  private static func intStride(_ from: Int, _ bound: Int, _ by: Int, closed: Bool) throws
    -> Value
  {
    guard by != 0 else { throw fail(.invalidConversion("step 0", "a stride")) }
    let limit = maximumStrideCount + 1
    let items =
      closed
      ? Array(Swift.stride(from: from, through: bound, by: by).prefix(limit))
      : Array(Swift.stride(from: from, to: bound, by: by).prefix(limit))
    guard items.count <= maximumStrideCount else {
      throw fail(.invalidConversion("a stride this long", "an array"))
    }
    return .array(items.map(Value.int))
  }
}
