import Lang
import Plot
import Tensor

/// `t.heatmap()`: a 2-D tensor as coloured cells with a colour bar (Plot's `Heatmap`), shown as
/// SVG + PNG like every figure; row and column indices label the axes.
enum TensorHeatmap {
  /// Most rows or columns drawn (one rectangle per cell).
  static let largestSide = 256

  /// The maps `colorMap:` names.
  static let maps: [String: ColorMap] = [
    "viridis": .viridis, "blues": .blues, "gray": .gray, "diverging": .diverging,
  ]

  static func methods(_ t: TensorValue) -> [MethodSpec] {
    [
      MethodSpec(
        name: "heatmap",
        parameters: [
          P.labelled("title", "String", default: .string("")),
          P.labelled(
            "colorMap", "ColorMap?", default: .null,
            implicit: ["viridis", "blues", "gray", "diverging"]),
          P.labelled("showValues", "Bool?", default: .null),
        ], returns: "Figure",
        doc:
          "A 2-D tensor [rows, columns] (or [1, rows, columns]) as a heatmap with a colour bar, each value written in its cell when it fits (showValues: forces it on or off). Values of both signs are drawn blue below 0, white at 0 and red above, on limits ±max|v| (.diverging); otherwise from the smallest to the largest value (.viridis). colorMap: chooses (.viridis, .blues, .gray, .diverging). At most 256×256."
      ) { a in
        let tensor = try t.numeric("heatmap").value
        let figure = try heatmap(
          tensor, title: try a.string("title"),
          colorMap: a.isNil("colorMap") ? nil : try a.implicitMember("colorMap"),
          showValues: a.isNil("showValues") ? nil : try a.bool("showValues"))
        return .host(
          FigureValue(figure, kind: "Figure", summary: TensorText.brief(tensor, as: "heatmap")))
      }
    ]
  }

  /// The map named (nil: .diverging for values of both signs, else .viridis); a diverging map is
  /// centred at 0.
  static func colors(_ name: String?, values: [Double]) throws -> (map: ColorMap, centered: Bool) {
    let finite = values.filter(\.isFinite)
    let signed = (finite.min() ?? 0) < 0 && (finite.max() ?? 0) > 0
    let chosen = name ?? (signed ? "diverging" : "viridis")
    guard let map = maps[chosen] else {
      throw HostError(
        "ValueError", "heatmap has no colour map .\(chosen)",
        hint: "choose one of .viridis, .blues, .gray, .diverging")
    }
    return (map, chosen == "diverging")
  }

  static func heatmap(_ tensor: Tensor, title: String, colorMap: String?, showValues: Bool?) throws
    -> Heatmap
  {
    var shape = tensor.shape
    if shape.count == 3 && shape[0] == 1 { shape.removeFirst() }
    guard shape.count == 2, shape[0] >= 1, shape[1] >= 1 else {
      throw HostError(
        "ShapeError", "heatmap needs a 2-D tensor [rows, columns], got shape \(tensor.shape)",
        hint: "pick a plane first, e.g. t[0] for the first channel")
    }
    guard shape[0] <= largestSide, shape[1] <= largestSide else {
      throw HostError(
        "ValueError",
        "heatmap draws at most \(largestSide)×\(largestSide) values, got \(shape[0])×\(shape[1])",
        hint: "shrink it first, e.g. avgPool2D(t, size: 4)")
    }
    let (rows, columns) = (shape[0], shape[1])
    let scalars = tensor.scalars.map { Double($0) }
    let values = (0..<rows).map { r in Array(scalars[(r * columns)..<((r + 1) * columns)]) }
    let colors = try colors(colorMap, values: scalars)
    return Heatmap(
      values: values, rowLabels: labels(rows), columnLabels: labels(columns), title: title,
      showValues: showValues ?? (rows <= 12 && columns <= 12), colorMap: colors.map,
      centeredAtZero: colors.centered)
  }

  /// Index labels, every one up to 16, else about ten of them (the others blank).
  static func labels(_ count: Int) -> [String] {
    let step = count <= 16 ? 1 : (count + 9) / 10
    return (0..<count).map { $0 % step == 0 ? String($0) : "" }
  }
}
