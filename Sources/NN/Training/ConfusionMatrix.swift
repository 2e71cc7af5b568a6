/// Counts of (true class, predicted class) pairs: `counts[truth][prediction]`.
public struct ConfusionMatrix: Sendable, Equatable {
  /// The class names, index = class.
  public let classNames: [String]
  /// counts[t][p]: how many samples (or pixels) of class t were predicted as p.
  public internal(set) var counts: [[Int]]

  /// An all-zero matrix for these classes.
  public init(classNames: [String]) {
    self.classNames = classNames
    counts = Array(repeating: Array(repeating: 0, count: classNames.count), count: classNames.count)
  }

  /// Adds pairs of true and predicted class indices (out-of-range indices are ignored).
  mutating func add(truth: [Int], predicted: [Int]) {
    let k = classNames.count
    for (t, p) in zip(truth, predicted) where t >= 0 && t < k && p >= 0 && p < k {
      counts[t][p] += 1
    }
  }

  /// All counted pairs.
  public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
  /// The fraction on the diagonal.
  public var accuracy: Double {
    total == 0 ? 0 : Double((0..<counts.count).reduce(0) { $0 + counts[$1][$1] }) / Double(total)
  }

  /// Per-class recall: correct / true count (nil for a class with no samples).
  public var recall: [Double?] {
    counts.indices.map { c in
      let n = counts[c].reduce(0, +)
      return n == 0 ? nil : Double(counts[c][c]) / Double(n)
    }
  }

  /// Per-class intersection over union: TP / (TP + FP + FN) (nil when the class never occurs).
  public var iou: [Double?] {
    counts.indices.map { c in
      let tp = counts[c][c]
      let fn = counts[c].reduce(0, +) - tp
      let fp = counts.reduce(0) { $0 + $1[c] } - tp
      let union = tp + fp + fn
      return union == 0 ? nil : Double(tp) / Double(union)
    }
  }

  /// Mean IoU over the foreground classes 1..<K (all classes when K = 1): for binary masks this
  /// is the shape class's IoU.
  public var foregroundIoU: Double {
    let values = (counts.count > 1 ? Array(iou.dropFirst()) : iou).compactMap { $0 }
    return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}
