import MemoryBudget

/// The memory checks of the language's collections: before an array, string or dictionary grows,
/// the bytes it will take are checked against what the process may still allocate
/// (`MemoryBudget`), so growth in a loop ends in a MemoryError before the process dies.
extension Interpreter {
  /// Throws a MemoryError unless `count` more elements of `stride` bytes fit.
  func reserve(_ what: String, count: Int, stride: Int, _ span: Span) throws {
    do throws(MemoryError) {
      try MemoryBudget.reserve(count: count, stride: stride)
    } catch {
      throw self.error(.outOfMemory(what, error.description), span)
    }
  }

  /// Checks the storage an array will need after `added` more elements: Swift arrays double their
  /// capacity when full, so only a growth past the capacity allocates (and is checked).
  func reserveArrayGrowth(_ elements: [Value], adding added: Int, _ span: Span) throws {
    let needed = elements.count.addingReportingOverflow(added)
    guard needed.overflow || needed.partialValue > elements.capacity else { return }
    let grown =
      needed.overflow
      ? Int.max
      : max(needed.partialValue, elements.capacity.multipliedReportingOverflow(by: 2).partialValue)
    try reserve("array", count: grown, stride: MemoryLayout<Value>.stride, span)
  }

  /// Checks the storage a dictionary will need for one more entry: its key and value arrays and
  /// its hash index all double when the key array is full (≈ 2 values + a hash entry per slot).
  func reserveDictionaryGrowth(_ dictionary: DictionaryValue, _ span: Span) throws {
    guard dictionary.keys.count == dictionary.keys.capacity else { return }
    let slots = max(16, dictionary.keys.capacity.multipliedReportingOverflow(by: 2).partialValue)
    try reserve("dictionary", count: slots, stride: 2 * MemoryLayout<Value>.stride + 48, span)
  }

  /// Checks a string of `bytes` UTF-8 bytes.
  func reserveString(_ bytes: Int, _ span: Span) throws {
    try reserve("string", count: bytes, stride: 1, span)
  }
}
