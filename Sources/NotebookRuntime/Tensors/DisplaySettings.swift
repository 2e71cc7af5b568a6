import Synchronization

/// How a session shows tensor values: the decimals of `%precision N` (4 by default).
///
/// Each session owns one; the cell scope makes it the task-local `DisplaySettings.current`, so
/// text forms made while a cell runs (its result, `print`, `display`) use that session's setting,
/// and a change by the magic shows from the next statement on.
final class DisplaySettings: Sendable {
  /// The decimals of tensor text and tables (0...10).
  let precisionStore = Atomic<Int>(DisplaySettings.defaultPrecision)
  static let defaultPrecision = 4

  var precision: Int {
    get { precisionStore.load(ordering: .relaxed) }
    set { precisionStore.store(newValue, ordering: .relaxed) }
  }

  /// The settings of the session whose cell is running (defaults outside a cell).
  @TaskLocal static var current = DisplaySettings()

  /// The current precision.
  static var precision: Int { current.precision }
}
