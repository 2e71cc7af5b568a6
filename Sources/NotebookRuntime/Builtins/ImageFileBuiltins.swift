import Autograd
import Lang
import Tensor

/// `Tensor(imageFile:size:channels:)`, an overload of `Tensor(…)`, and the tensor method `savePNG`.
enum ImageFileBuiltins {
  /// Largest side `size:` may ask for.
  static let largestSide = 1 << 14

  static func register(_ r: Registrar) {
    guard case .native(let tensor)? = r.session.value(of: "Tensor") else { return }
    let parameters = [
      P.labelled("imageFile", "String"), P.labelled("size", "Int or [Int]?", default: .null),
      P.labelled("channels", "Int?", default: .null),
    ]
    tensor.overloads.append(
      NativeFunction(
        name: "Tensor", parameters: parameters, returns: "Tensor",
        doc:
          "The PNG or JPEG file at imageFile as a [C, H, W] tensor of values in 0...1 (C is 1 for gray, 3 for RGB, 4 with alpha), resized bilinearly to size: (n for n×n, or [H, W]), converted to channels: 1, 3 or 4 when given. t.savePNG(path) writes one back.",
        example: "let cat = Tensor(imageFile: \"cat.png\", size: 64, channels: 3)", isType: true
      ) { a in
        try ArgumentLimits.check(a, parameters)
        return try EngineErrors.run {
          let channels = try a.optionalInt("channels")
          if let channels { try ArgumentLimits.check(channels, "channels", in: 1...4) }
          return .host(
            TensorValue(
              try ImageFiles.load(try a.string("imageFile"), size: try size(a), channels: channels))
          )
        }
      })
  }

  /// `size:` as (H, W): nil, n for n×n, or [H, W]; each side in 1...largestSide.
  static func size(_ a: Arguments) throws -> (Int, Int)? {
    if a.isNil("size") { return nil }
    let sides = try a["size"].intValue.map { [$0, $0] } ?? a.ints("size")
    guard sides.count == 2 else {
      throw HostError(
        "ValueError", "size must be one side n (for n×n) or [height, width], got \(sides)")
    }
    for side in sides { try ArgumentLimits.check(side, "size", in: 1...largestSide) }
    return (sides[0], sides[1])
  }

  /// The tensor methods that write files.
  static func methods(_ t: TensorValue) -> [MethodSpec] {
    [
      MethodSpec(
        name: "savePNG", parameters: [P.positional("path", "String")], returns: nil,
        doc:
          "Writes an image tensor [H, W] or [C, H, W] (C = 1, 3 or 4; values clamped to 0...1) as a PNG file."
      ) { a in
        try EngineErrors.run {
          try ImageFiles.savePNG(try t.numeric("savePNG").value, to: try a.string("path"))
        }
        return .void
      }
    ]
  }
}
