import Lang
import NN

/// Data sets: Fashion-MNIST from its IDX files, MNIST, synthetic shapes for segmentation.
enum DataBuiltins {
  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  static func register(_ r: Registrar) {
    r.add(
      "FashionMNIST",
      [
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("path", "String?", default: .null),
      ],
      returns: "FashionMNIST",
      doc:
        "Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images of clothing, 1x28x28 (1x32x32 with padding: 2), pixels in [0, 1], 10 classes. Read from its IDX files (Debian package dataset-fashion-mnist); loaded once per session.",
      example: "let data = FashionMNIST(padding: 2)"
    ) { a in
      let padding = try a.int("padding")
      guard padding >= 0, padding <= 64 else {
        throw HostError("ValueError", "padding must be in 0…64, got \(padding)")
      }
      let data: FashionMNIST
      if a.isNil("path"), let cached = r.runtime.fashionMNIST[padding] {
        data = cached
      } else if a.isNil("path") {
        data = try FashionMNIST(padding: padding)
        r.runtime.fashionMNIST[padding] = data
      } else {
        data = try FashionMNIST(padding: padding, directory: try a.string("path"))
      }
      return .host(
        TrainTestValue(train: data.train, test: data.test, kind: "FashionMNIST", runtime: r.runtime)
      )
    }
    r.add(
      "MNIST", [P.labelled("path", "String"), P.labelled("padding", "Int", default: .int(0))],
      returns: "MNIST",
      doc: "MNIST handwritten digits from a directory of IDX files (optionally gzipped).",
      example: "let digits = MNIST(path: \"/data/mnist\")"
    ) { a in
      let data = try MNIST(path: try a.string("path"), padding: try a.int("padding"))
      return .host(
        TrainTestValue(train: data.train, test: data.test, kind: "MNIST", runtime: r.runtime))
    }
    r.add(
      "SyntheticShapes",
      [
        P.labelled("count", "Int"), P.labelled("size", "Int", default: .int(32)),
        P.labelled("noise", "Double", default: .double(0.1)),
        P.labelled("seed", "Int?", default: .null),
      ],
      returns: "SyntheticShapes",
      doc:
        "A segmentation data set of noisy grey images [1, size, size] with one disc, rectangle or triangle each, and its mask (1 inside the shape, 0 outside).",
      example: "let shapes = SyntheticShapes(count: 600, size: 48, seed: 7)"
    ) { a in
      let count = try a.int("count")
      let size = try a.int("size")
      guard count >= 1, count <= 100_000, size >= 8, size <= 512 else {
        throw HostError("ValueError", "SyntheticShapes needs count in 1…100000 and size in 8…512")
      }
      let shapes = try SyntheticShapes(
        count: count, size: size, noise: Float(try a.double("noise")),
        seed: try TrainingOptions.seed(a, r.runtime))
      return .host(DatasetValue(shapes.dataset, kind: "SyntheticShapes", runtime: r.runtime))
    }
  }
}
