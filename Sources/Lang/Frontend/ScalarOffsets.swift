internal import SwiftSyntax

/// Converts swift-syntax's UTF-8 byte positions into Lang's Unicode-scalar offsets.
///
/// `scalarOffset[b]` is the index of the scalar that starts at or contains UTF-8 byte `b`; one
/// entry per byte plus one for the end of the text (Int32: cells are far below 2 GiB).
struct ScalarOffsets {
  private let scalarOffset: [Int32]

  init(_ text: String) {
    var table: [Int32] = []
    table.reserveCapacity(text.utf8.count + 1)
    var index: Int32 = 0
    for scalar in text.unicodeScalars {
      for _ in 0..<UTF8.width(scalar) { table.append(index) }
      index += 1
    }
    table.append(index)
    scalarOffset = table
  }

  /// The scalar offset of a UTF-8 byte offset (clamped into the text).
  func scalar(_ utf8: Int) -> Int {
    Int(scalarOffset[max(0, min(utf8, scalarOffset.count - 1))])
  }

  func scalar(_ position: AbsolutePosition) -> Int { scalar(position.utf8Offset) }

  /// The span of a node without its leading and trailing trivia.
  func span(_ node: some SyntaxProtocol) -> Span {
    Span(
      scalar(node.positionAfterSkippingLeadingTrivia), scalar(node.endPositionBeforeTrailingTrivia))
  }

  /// The span from the start of one node to the end of another.
  func span(_ first: some SyntaxProtocol, to last: some SyntaxProtocol) -> Span {
    Span(
      scalar(first.positionAfterSkippingLeadingTrivia), scalar(last.endPositionBeforeTrailingTrivia)
    )
  }
}
