/// Fashion-MNIST (Xiao et al. 2017): 28×28 grey images of clothing in 10 classes,
/// 60,000 for training and 10,000 for testing, read from the Debian package's IDX files.
///
/// `FashionMNIST(padding: 2)` gives 1×32×32 images, LeNet-5's input size.
public struct FashionMNIST: Sendable {
  /// Where `apt-get install dataset-fashion-mnist` puts the four IDX files.
  public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
  /// The class names, index = label.
  public static let classNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
  ]

  /// The 60,000 training images, shape [1, 28 + 2p, 28 + 2p] each.
  public let train: Dataset
  /// The 10,000 test images.
  public let test: Dataset
  /// The class names, index = label.
  public var classNames: [String] { Self.classNames }

  /// Reads the data set; pixels are scaled by `normalization` (default [0, 1]), then each image
  /// gets `padding` black pixels on every side.
  /// - Throws: `DataError.missingFile` naming the package when the files are absent.
  public init(
    padding: Int = 0, normalization: Normalization = .unitRange,
    directory: String = FashionMNIST.defaultDirectory
  ) throws(DataError) {
    let hint = "Install the data set with: apt-get install dataset-fashion-mnist"
    let files = [
      "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ]
    let paths = files.map { IDXImageSet.path(directory, $0) }
    if let missing = paths.first(where: { !IDXImageSet.fileExists($0) }) {
      throw .missingFile(path: missing, hint: hint)
    }
    (train, test) = try IDXImageSet.loadPair(
      paths, padding: padding, normalization: normalization, classNames: Self.classNames,
      name: "Fashion-MNIST")
  }
}

/// MNIST-format handwritten digits from IDX files the user brings (gzipped or raw).
///
/// `path` is a directory holding `train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`,
/// `t10k-images-idx3-ubyte[.gz]` and `t10k-labels-idx1-ubyte[.gz]`.
public struct MNIST: Sendable {
  /// The digit names "0" … "9".
  public static let classNames = (0..<10).map(String.init)
  /// The training images, [1, 28 + 2p, 28 + 2p] each.
  public let train: Dataset
  /// The test images.
  public let test: Dataset
  /// The class names, index = label.
  public var classNames: [String] { Self.classNames }

  /// Reads the four files under `path`; see `FashionMNIST.init` for `padding` and `normalization`.
  public init(path: String, padding: Int = 0, normalization: Normalization = .unitRange)
    throws(DataError)
  {
    let hint =
      "MNIST(path:) expects a directory with train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (optionally .gz)."
    let files = [
      "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ]
    let paths = files.map { IDXImageSet.path(path, $0) }
    if let missing = paths.first(where: { !IDXImageSet.fileExists($0) }) {
      throw .missingFile(path: missing, hint: hint)
    }
    (train, test) = try IDXImageSet.loadPair(
      paths, padding: padding, normalization: normalization, classNames: Self.classNames,
      name: "MNIST")
  }
}
