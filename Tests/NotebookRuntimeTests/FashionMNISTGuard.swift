import Foundation
import NN

/// Whether the Debian package dataset-fashion-mnist is installed (NNTests' check): tests that load
/// Fashion-MNIST are disabled without it (Swift Testing lists them as skipped) instead of failing.
let fashionMNISTInstalled = FileManager.default.fileExists(
  atPath: FashionMNIST.defaultDirectory + "/t10k-images-idx3-ubyte.gz")
