import Autograd
import NN
import Tensor

/// LeNet-5 (tanh, average pooling, 32×32 Fashion-MNIST) as bench_torch_lenet.py measures it:
/// per full epoch, images/s of zero-grad + forward + loss + backward + SGD step (lr 0.05,
/// momentum 0.9) over all 60,000 shuffled images; test accuracy after each epoch (untimed);
/// inference images/s over the 10,000 test images in batches of 256.
/// `lenet-memory` runs `--steps` training steps (default 10,000) and reports resident memory.
enum LeNetBench {
  static func run(_ o: BenchOptions) throws {
    let data = try FashionMNIST(padding: 2)
    for t in o.ints("threads", [2]) {
      try Threading.setThreadCount(t)
      for batch in o.ints("batch", [64, 256]) {
        try train(data, batch: batch, epochs: o.ints("epochs", [1])[0], threads: t)
      }
      try inference(data, runs: o.ints("infer-runs", [5])[0], threads: t)
    }
  }

  static func train(_ data: FashionMNIST, batch: Int, epochs: Int, threads: Int) throws {
    let model = try LeNet5(seed: 0)
    let opt = SGD(model, learningRate: 0.05, momentum: 0.9)
    var ips: [Double] = [], accs: [Double] = [], util: [Double] = []
    let rss0 = Timing.residentMiB()
    for epoch in 1...max(epochs, 1) {
      let batches = try data.train.batches(size: batch, shuffle: true, seed: UInt64(epoch))
      let c0 = Timing.cpuTime(), t0 = Timing.now()
      for b in batches { try step(model, opt, b) }
      let dt = Timing.now() - t0
      ips.append(Double(data.train.count) / dt)
      util.append((Timing.cpuTime() - c0) / dt)
      accs.append(try accuracy(model, data.test))
    }
    Report.line([
      ("engine", .string("stride")), ("bench", .string("lenet5_train")),
      ("variant", .string("tanh_avg")),
      ("batch", .int(batch)), ("threads", .int(threads)), ("epochs", .int(epochs)),
      ("train_images_per_s", Report.stats(ips)), ("test_acc", .array(accs.map { .double($0) })),
      ("cpu_util_runs", .array(util.map { .double($0) })),
      ("rss_mib_start", .double(rss0)), ("rss_mib_end", .double(Timing.residentMiB())),
      ("loadavg1", .double(Timing.loadAverage())),
    ])
  }

  static func step(_ model: any Layer, _ opt: SGD, _ b: Batch) throws {
    opt.zeroGrad()
    let loss = try crossEntropy(logits: model(Variable(b.images)), labels: b.targets)
    try loss.backward()
    opt.step()
  }

  static func accuracy(_ model: any Layer, _ test: Dataset) throws -> Double {
    model.eval()
    defer { model.train() }
    var correct = 0
    try GradMode.withoutGradients {
      for b in try test.batches(size: 256, shuffle: false) {
        let predicted = try model(Variable(b.images)).value.argmaxIndices(axis: 1)
        correct += zip(predicted, b.targets).filter { $0 == $1 }.count
      }
    }
    return Double(correct) / Double(test.count)
  }

  static func inference(_ data: FashionMNIST, runs: Int, threads: Int) throws {
    let model = try LeNet5(seed: 0)
    model.eval()
    let batches = Array(try data.test.batches(size: 256, shuffle: false)).map {
      Variable($0.images)
    }
    func pass() throws { try GradMode.withoutGradients { for x in batches { _ = try model(x) } } }
    try pass()
    var ips: [Double] = []
    for _ in 0..<max(runs, 1) {
      let t0 = Timing.now()
      try pass()
      ips.append(Double(data.test.count) / (Timing.now() - t0))
    }
    Report.line([
      ("engine", .string("stride")), ("bench", .string("lenet5_infer")), ("batch", .int(256)),
      ("threads", .int(threads)), ("infer_images_per_s", Report.stats(ips)),
      ("loadavg1", .double(Timing.loadAverage())),
    ])
  }

  /// Resident memory over many training steps (batch 64): it must stay flat.
  static func memory(_ o: BenchOptions) throws {
    let data = try FashionMNIST(padding: 2)
    let model = try LeNet5(seed: 0)
    let opt = SGD(model, learningRate: 0.05, momentum: 0.9)
    let steps = o.ints("steps", [10_000])[0]
    var samples: [Report.Value] = []
    var done = 0, epoch: UInt64 = 0
    let t0 = Timing.now()
    while done < steps {
      epoch += 1
      for b in try data.train.batches(size: 64, shuffle: true, seed: epoch) where done < steps {
        try step(model, opt, b)
        done += 1
        if done % 1000 == 0 || done == 100 {
          samples.append(.array([.int(done), .double(Timing.residentMiB())]))
        }
      }
    }
    Report.line([
      ("engine", .string("stride")), ("bench", .string("lenet5_memory")), ("steps", .int(steps)),
      ("batch", .int(64)), ("seconds", .double(Timing.now() - t0)),
      ("rss_mib_by_step", .array(samples)),
    ])
  }
}
