import Autograd
import NN
import Tensor

/// CIFAR-style ResNet-20 (option A shortcuts, NN's zoo) on 1×28×28 Fashion-MNIST, as
/// bench_torch_resnet20.py measures it: one run = `--batches` timed SGD steps (lr 0.1,
/// momentum 0.9, weight decay 1e-4) of batch 128 after `--warmup` untimed ones; inference the
/// same on test images in evaluation mode.
enum ResNetBench {
  static func run(_ o: BenchOptions) throws {
    let data = try FashionMNIST(padding: 0)
    let batch = o.ints("batch", [128])[0], steps = o.ints("batches", [20])[0]
    let warmup = o.ints("warmup", [5])[0], runs = o.ints("runs", [3])[0]
    for t in o.ints("threads", [2]) {
      try Threading.setThreadCount(t)
      let model = try ResNet(depth: 20, inChannels: 1, classes: 10, seed: 0)
      let opt = SGD(model, learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4)
      let train = Array(
        try data.train.batches(size: batch, shuffle: true, seed: 0).prefix(warmup + steps))
      for b in train.prefix(warmup) { try LeNetBench.step(model, opt, b) }
      var ips: [Double] = []
      for _ in 0..<max(runs, 1) {
        let t0 = Timing.now()
        for b in train.dropFirst(warmup) { try LeNetBench.step(model, opt, b) }
        ips.append(Double(batch * (train.count - warmup)) / (Timing.now() - t0))
      }
      Report.line([
        ("engine", .string("stride")), ("bench", .string("resnet20_train")), ("batch", .int(batch)),
        ("threads", .int(t)), ("batches_per_run", .int(steps)),
        ("train_images_per_s", Report.stats(ips)),
        ("loadavg1", .double(Timing.loadAverage())),
      ])
      model.eval()
      let test = Array(try data.test.batches(size: batch, shuffle: false).prefix(steps)).map {
        Variable($0.images)
      }
      var infer: [Double] = []
      for _ in 0..<max(runs, 1) {
        let t0 = Timing.now()
        try GradMode.withoutGradients { for x in test { _ = try model(x) } }
        infer.append(Double(batch * test.count) / (Timing.now() - t0))
      }
      Report.line([
        ("engine", .string("stride")), ("bench", .string("resnet20_infer")), ("batch", .int(batch)),
        ("threads", .int(t)), ("infer_images_per_s", Report.stats(infer)),
        ("loadavg1", .double(Timing.loadAverage())),
      ])
    }
  }
}
