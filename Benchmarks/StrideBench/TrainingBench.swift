// Training benchmarks (issue 5): not tests. Run in release:
//   swift run -c release stride-bench training [load|lenet|unet|all] [--epochs N] [--threads N] [--subset N]
// Each prints JSON lines. StrideBench.swift (the engine's) dispatches the "training" mode here.
import Cancellation
import Foundation
import NN
import Tensor

/// Runs the training benchmarks named in `arguments` (after the "training" word).
func runTrainingBenchmarks(_ arguments: [String]) {
  let which = arguments.first { !$0.hasPrefix("--") } ?? "all"
  let epochs = intOption(arguments, "--epochs")
  if let threads = intOption(arguments, "--threads") { try? Threading.setThreadCount(threads) }
  do {
    if which == "load" || which == "all" { try loadBenchmark() }
    if which == "lenet" || which == "all" {
      try lenetBenchmark(epochs: epochs ?? 5, subset: intOption(arguments, "--subset"))
    }
    if which == "unet" || which == "all" { try unetBenchmark(epochs: epochs ?? 12) }
  } catch {
    printJSON(["bench": "training", "error": "\(error)"])
  }
}

/// Reading Fashion-MNIST: the training images file alone, then all four files (median of 5),
/// wall clock and process CPU time (CPU time is what an idle machine's wall clock would be for
/// the one-thread part; the machine is shared, so wall times vary with its load).
func loadBenchmark() throws {
  var idx: [Double] = [], idxCPU: [Double] = []
  var all: [Double] = [], allCPU: [Double] = []
  for _ in 0..<5 {
    var (start, cpu) = (Date(), cpuSeconds())
    _ = try IDXFile(path: FashionMNIST.defaultDirectory + "/train-images-idx3-ubyte.gz")
    idx.append(Date().timeIntervalSince(start))
    idxCPU.append(cpuSeconds() - cpu)
    (start, cpu) = (Date(), cpuSeconds())
    _ = try FashionMNIST(padding: 2)
    all.append(Date().timeIntervalSince(start))
    allCPU.append(cpuSeconds() - cpu)
  }
  printJSON([
    "bench": "fashion_mnist_load", "train_images_idx_seconds": median(idx),
    "train_images_idx_cpu_seconds": median(idxCPU),
    "all_padded_seconds": median(all), "all_padded_cpu_seconds": median(allCPU), "runs": 5,
  ])
}

/// Process CPU seconds (all threads).
func cpuSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

/// LeNet-5 (tanh, average pooling) on Fashion-MNIST 28→32, batch 64, SGD 0.05 momentum 0.9,
/// the configuration of /work/shared/bench/torch/bench_torch_lenet.py (PyTorch: 87.9 % after 5 epochs).
func lenetBenchmark(epochs: Int, subset: Int? = nil) throws {
  let loadStart = Date()
  let data = try FashionMNIST(padding: 2)
  printJSON([
    "bench": "fashion_mnist_load", "seconds": Date().timeIntervalSince(loadStart),
    "train": data.train.count, "test": data.test.count,
  ])
  let model = try LeNet5(seed: 0)
  let observer = ClosureObserver { p in
    guard p.event == .epochEnded, let e = p.history.epochs.last else { return }
    printJSON([
      "bench": "lenet5_train_epoch", "epoch": e.epoch, "seconds": e.seconds,
      "images_per_s": e.imagesPerSecond,
      "train_loss": e.loss, "test_acc": e.validationAccuracy ?? -1,
      "threads": Threading.threadCount,
    ])
  }
  let train = subset.map { data.train.prefix($0) } ?? data.train
  let history = try model.fit(
    train, epochs: epochs, batchSize: 64, optimizer: SGD(learningRate: 0.05, momentum: 0.9),
    loss: .crossEntropy, validation: data.test, seed: 0, observer: observer)
  let trainSeconds = history.epochs.reduce(0) { $0 + $1.seconds }
  printJSON([
    "bench": "lenet5_train", "epochs": epochs, "batch": 64, "train_seconds": trainSeconds,
    "total_seconds": history.totalSeconds,
    "test_acc": history.epochs.last?.validationAccuracy ?? -1,
    "pytorch_test_acc_5_epochs": 0.879, "pytorch_images_per_s_2_threads": 5756,
    "images_per_s_median": median(history.epochs.map(\.imagesPerSecond)),
    "threads": Threading.threadCount,
  ])
}

/// A small U-Net on the synthetic shapes: foreground IoU on held-out samples (target ≥ 0.9).
func unetBenchmark(epochs: Int) throws {
  let model = try UNet(inChannels: 1, classes: 2, baseWidth: 8, depth: 2, seed: 0)
  let size = try unetSize(model)
  let split = try SyntheticShapes(count: 600, size: size, seed: 7).split(
    trainFraction: 0.8, seed: 7)
  let history = try model.fit(
    split.train, epochs: epochs, batchSize: 16, optimizer: Adam(learningRate: 3e-3),
    validation: split.test,
    metrics: [.iou], seed: 0)
  for e in history.epochs {
    printJSON([
      "bench": "unet_shapes_epoch", "epoch": e.epoch, "seconds": e.seconds, "train_loss": e.loss,
      "val_iou": e.validationIoU ?? -1,
    ])
  }
  printJSON([
    "bench": "unet_shapes", "input": size, "epochs": epochs,
    "val_iou": history.epochs.last?.validationIoU ?? -1,
    "val_accuracy": history.epochs.last?.validationAccuracy ?? -1,
    "total_seconds": history.totalSeconds,
    "parameters": model.parameterCount,
  ])
}

/// The smallest input size ≥ 48 that the model accepts with an output of at least 24 pixels.
func unetSize(_ model: any Layer) throws -> Int {
  for size in 48...160 {
    if let out = try? model.outputShape(for: [1, size, size]), out.count == 3, out[1] >= 24,
      out[1] == out[2]
    {
      return size
    }
  }
  throw TrainingError.invalidArgument("no input size in 48...160 fits the U-Net")
}

func intOption(_ arguments: [String], _ name: String) -> Int? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return Int(arguments[i + 1])
}

func median(_ values: [Double]) -> Double {
  let s = values.sorted()
  return s.isEmpty ? 0 : s[s.count / 2]
}

func printJSON(_ object: [String: Any]) {
  guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
    let text = String(data: data, encoding: .utf8)
  else { return }
  print(text)
  fflush(nil)  // all streams: `stdout` is not concurrency-safe to name in Swift 6
}
