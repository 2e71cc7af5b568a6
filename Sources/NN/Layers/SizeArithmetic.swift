import Foundation
import TextFormat

/// The output-size arithmetic of one spatial axis, with the numbers filled in.
///
/// Convolution and pooling: `W' = (W − F + 2P)/S + 1`, floored when the stride does not divide
/// evenly (`isFloored`), with `F = D·(K − 1) + 1` for a dilated kernel.
/// Transposed convolution: `W' = (W − 1)·S − 2P + F`.
public struct SizeArithmetic: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Equatable, Codable { case sliding, transposed }
  public var kind: Kind
  /// `"W"` (one line for both axes when they agree) or `"H"`.
  public var axis: String
  public var input: Int
  /// The effective filter extent F.
  public var filter: Int
  public var padding: Int
  public var stride: Int
  public var dilation: Int
  public var kernel: Int
  public var output: Int
  /// True when `(W − F + 2P)` is not a multiple of S, so the division is floored.
  public var isFloored: Bool

  init(sliding input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, axis: String) {
    let filter = dilation * (kernel - 1) + 1
    let span = input - filter + 2 * padding
    self.kind = .sliding
    self.axis = axis
    self.input = input
    self.filter = filter
    self.padding = padding
    self.stride = stride
    self.dilation = dilation
    self.kernel = kernel
    self.output = span < 0 ? 0 : span / stride + 1
    self.isFloored = span >= 0 && span % stride != 0
  }

  init(
    transposed input: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int,
    axis: String
  ) {
    self.kind = .transposed
    self.axis = axis
    self.input = input
    self.filter = kernel
    self.padding = padding
    self.stride = stride
    self.dilation = 1
    self.kernel = kernel
    self.output = (input - 1) * stride - 2 * padding + kernel + outputPadding
    self.isFloored = false
  }

  /// The numerator `W − F + 2P` of a sliding window (negative when the window does not fit).
  public var span: Int { input - filter + 2 * padding }

  /// `W' = (W − F + 2P)/S + 1 = (32 − 5 + 0)/1 + 1 = 28`, plus a note when floored or dilated.
  public var text: String {
    let a = axis
    switch kind {
    case .transposed:
      return "\(a)' = (\(a) − 1)·S − 2P + F = (\(input) − 1)·\(stride) − \(2 * padding) + \(filter)"
        + " = \(output)"
    case .sliding:
      var line =
        "\(a)' = (\(a) − F + 2P)/S + 1 = (\(input) − \(filter) + \(2 * padding))/\(stride)"
        + " + 1 = \(output)"
      if dilation > 1 {
        line += " (F = \(dilation)·(\(kernel) − 1) + 1 = \(filter))"
      }
      if isFloored {
        let exact = Double(span) / Double(stride)
        let shown = NumberFormat.fixed(exact, maxFractionDigits: 2)
        line += " (floored: \(span)/\(stride) = \(shown), the stride does not divide evenly)"
      }
      return line
    }
  }
}

/// Both axes of a sliding window: one entry when height and width give the same arithmetic.
func slidingArithmetic(
  height: Int, width: Int, kernel: Int, stride: Int, padding: Int,
  dilation: Int
) -> [SizeArithmetic] {
  let w = SizeArithmetic(
    sliding: width, kernel: kernel, stride: stride, padding: padding,
    dilation: dilation, axis: "W")
  if height == width { return [w] }
  let h = SizeArithmetic(
    sliding: height, kernel: kernel, stride: stride, padding: padding,
    dilation: dilation, axis: "H")
  return [h, w]
}
