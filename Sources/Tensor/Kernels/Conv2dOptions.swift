/// A height/width pair (kernel sizes, strides, dilations); an integer literal means both.
public struct Size2: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  public var h: Int
  public var w: Int
  public init(_ h: Int, _ w: Int) {
    self.h = h
    self.w = w
  }
  public init(_ both: Int) { self.init(both, both) }
  public init(integerLiteral value: Int) { self.init(value, value) }
  public var description: String { h == w ? "\(h)" : "(\(h), \(w))" }
}

/// Zero padding of a convolution's input.
public enum Padding2d: Sendable, Hashable {
  /// No padding.
  case valid
  /// Enough padding that the output is ⌈input / stride⌉ (the extra row/column, if any, goes
  /// after: bottom/right), as PyTorch's and TensorFlow's "same".
  case same
  /// `h` rows top and bottom, `w` columns left and right.
  case symmetric(Size2)
  /// Each side given.
  case explicit(top: Int, bottom: Int, left: Int, right: Int)

  /// The same padding on all four sides.
  public static func uniform(_ p: Int) -> Padding2d { .symmetric(Size2(p)) }
}

/// Options of a 2-D convolution: stride, padding, dilation, groups.
public struct Conv2dOptions: Sendable, Hashable {
  public var stride: Size2
  public var padding: Padding2d
  public var dilation: Size2
  public var groups: Int

  public init(stride: Size2 = 1, padding: Padding2d = .valid, dilation: Size2 = 1, groups: Int = 1)
  {
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
  }
}

/// Options of a 2-D transposed convolution (PyTorch's meaning of each).
public struct ConvTranspose2dOptions: Sendable, Hashable {
  public var stride: Size2
  /// Removed from each side of the full output ("implicit padding" of the direct conv).
  public var padding: Size2
  /// Added to the bottom/right of the output to pick among the sizes a stride allows.
  public var outputPadding: Size2
  public var dilation: Size2
  public var groups: Int

  public init(
    stride: Size2 = 1, padding: Size2 = 0, outputPadding: Size2 = 0, dilation: Size2 = 1,
    groups: Int = 1
  ) {
    self.stride = stride
    self.padding = padding
    self.outputPadding = outputPadding
    self.dilation = dilation
    self.groups = groups
  }
}

/// The resolved geometry of one convolution: every size and offset as plain integers.
///
/// Input [n, c, h, w] (NCHW), weight [outC, c / groups, kh, kw], output [n, outC, oh, ow],
/// `oh = (h + padTop + padBottom − dilationH·(kh − 1) − 1) / strideH + 1` (floor), same for width.
struct ConvGeometry: Hashable {
  var n, c, h, w: Int
  var outC, kh, kw: Int
  var oh, ow: Int
  var strideH, strideW, padTop, padLeft, dilationH, dilationW, groups: Int

  /// Channels per group on the input side and on the output side.
  var cPerGroup: Int { c / groups }
  var outCPerGroup: Int { outC / groups }
  /// Rows of the im2col matrix of one group: c/groups · kh · kw.
  var colRows: Int { cPerGroup * kh * kw }
  /// Columns of the im2col matrix of one image: oh · ow.
  var colCols: Int { oh * ow }
  /// Whether im2col is the identity (1×1 kernel, stride 1, no padding).
  var isPointwise: Bool {
    kh == 1 && kw == 1 && strideH == 1 && strideW == 1 && padTop == 0 && padLeft == 0 && oh == h
      && ow == w
  }

  var inputShape: [Int] { [n, c, h, w] }
  var outputShape: [Int] { [n, outC, oh, ow] }
  var weightShape: [Int] { [outC, cPerGroup, kh, kw] }

  /// Checks a direct convolution's shapes and options and resolves its geometry.
  static func conv(input: [Int], weight: [Int], options o: Conv2dOptions) throws(TensorError)
    -> ConvGeometry
  {
    guard input.count == 4 else {
      throw .shapeMismatch("conv2d input must be [N, C, H, W], got \(input)")
    }
    guard weight.count == 4 else {
      throw .shapeMismatch("conv2d weight must be [outC, inC/groups, kH, kW], got \(weight)")
    }
    try checkPositive(o.stride, "stride")
    try checkPositive(o.dilation, "dilation")
    let g = o.groups
    guard g >= 1, input[1] % g == 0, weight[0] % g == 0 else {
      throw .invalidArgument(
        "groups \(g) must divide input channels \(input[1]) and output channels \(weight[0])")
    }
    guard weight[1] * g == input[1] else {
      throw .shapeMismatch(
        "conv2d weight \(weight) expects \(weight[1] * g) input channels, input \(input) has \(input[1])"
      )
    }
    guard weight[2] >= 1, weight[3] >= 1 else {
      throw .invalidShape("kernel size must be positive, got \(weight)")
    }
    let (kh, kw) = (weight[2], weight[3])
    let (top, bottom, left, right) = try pads(
      o.padding, input[2], input[3], kh, kw, o.stride, o.dilation)
    let effH = o.dilation.h * (kh - 1) + 1, effW = o.dilation.w * (kw - 1) + 1
    let ph = input[2] + top + bottom, pw = input[3] + left + right
    guard ph >= effH, pw >= effW else {
      throw .shapeMismatch(
        "conv2d kernel \(kh)×\(kw) (dilation \(o.dilation)) is larger than the padded input \(ph)×\(pw)"
      )
    }
    return ConvGeometry(
      n: input[0], c: input[1], h: input[2], w: input[3], outC: weight[0], kh: kh, kw: kw,
      oh: (ph - effH) / o.stride.h + 1, ow: (pw - effW) / o.stride.w + 1,
      strideH: o.stride.h, strideW: o.stride.w, padTop: top, padLeft: left,
      dilationH: o.dilation.h, dilationW: o.dilation.w, groups: g)
  }

  static func checkPositive(_ s: Size2, _ name: String) throws(TensorError) {
    guard s.h >= 1, s.w >= 1 else { throw .invalidArgument("\(name) must be positive, got \(s)") }
  }

  /// (top, bottom, left, right) padding for `padding` on an h×w input.
  static func pads(
    _ padding: Padding2d, _ h: Int, _ w: Int, _ kh: Int, _ kw: Int, _ s: Size2, _ d: Size2
  ) throws(TensorError) -> (Int, Int, Int, Int) {
    switch padding {
    case .valid: return (0, 0, 0, 0)
    case .symmetric(let p):
      guard p.h >= 0, p.w >= 0 else {
        throw .invalidArgument("padding must be non-negative, got \(p)")
      }
      return (p.h, p.h, p.w, p.w)
    case .explicit(let t, let b, let l, let r):
      guard t >= 0, b >= 0, l >= 0, r >= 0 else {
        throw .invalidArgument("padding must be non-negative")
      }
      return (t, b, l, r)
    case .same:
      func total(_ size: Int, _ k: Int, _ s: Int, _ d: Int) -> Int {
        let out = (size + s - 1) / s
        return max(0, (out - 1) * s + d * (k - 1) + 1 - size)
      }
      let th = total(h, kh, s.h, d.h), tw = total(w, kw, s.w, d.w)
      return (th / 2, th - th / 2, tw / 2, tw - tw / 2)
    }
  }
}
