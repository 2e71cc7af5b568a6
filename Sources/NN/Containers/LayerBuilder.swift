/// Collects the layers that a block's statements produce, with `if`, `if/else` and `for` inside.
///
///     Sequential {
///       for _ in 0..<2 { Conv2D(64, kernel: 3, padding: 1, activation: .relu) }
///       MaxPool2D(2)
///     }
@resultBuilder
public enum LayerBuilder {
  public static func buildExpression(_ layer: Layer) -> [Layer] { [layer] }
  public static func buildExpression(_ layers: [Layer]) -> [Layer] { layers }
  public static func buildBlock(_ parts: [Layer]...) -> [Layer] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Layer]?) -> [Layer] { part ?? [] }
  public static func buildEither(first part: [Layer]) -> [Layer] { part }
  public static func buildEither(second part: [Layer]) -> [Layer] { part }
  public static func buildArray(_ parts: [[Layer]]) -> [Layer] { parts.flatMap { $0 } }
  public static func buildLimitedAvailability(_ part: [Layer]) -> [Layer] { part }
}
