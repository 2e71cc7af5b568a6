/// Whether ops record a graph: off inside `withoutGradients`, for evaluation and inference.
///
/// A task-local value (thread-local outside tasks), so a scope affects only its own work.
public enum GradMode {
  @TaskLocal static var enabled = true

  /// True unless inside `withoutGradients`.
  public static var isEnabled: Bool { enabled }

  /// Runs `body` with graph recording off: results are constants, no memory kept for backward.
  public static func withoutGradients<T>(_ body: () throws -> T) rethrows -> T {
    try $enabled.withValue(false) { try body() }
  }
}
