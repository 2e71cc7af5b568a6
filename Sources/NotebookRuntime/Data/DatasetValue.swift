import Display
import Lang
import NN
import Tensor
import TextFormat

/// A data set of the language (`data.train`, `SyntheticShapes(...)`): samples by index, prefixes,
/// batches, splits. Images are `[C, H, W]` per sample.
final class DatasetValue: RuntimeObject {
  let dataset: Dataset
  let kind: String
  let runtime: RuntimeState

  init(_ dataset: Dataset, kind: String = "Dataset", runtime: RuntimeState) {
    self.dataset = dataset
    self.kind = kind
    self.runtime = runtime
  }

  override var typeName: String { kind }
  override var aliases: [String] { ["Dataset"] }

  override var description: String {
    let target =
      dataset.isSegmentation ? "masks \(dataset.targetShape)" : "\(dataset.classCount) classes"
    return
      "\(kind) \(dataset.name): \(Numbers.grouped(dataset.count)) samples, images \(dataset.sampleShape), \(target)"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "count", type: "Int", doc: "The number of samples.") {
        .int(self.dataset.count)
      },
      PropertySpec(name: "classNames", type: "[String]", doc: "The class names, by label.") {
        .strings(self.dataset.classNames)
      },
      PropertySpec(name: "sampleShape", type: "[Int]", doc: "The shape of one image, [C, H, W].") {
        .ints(self.dataset.sampleShape)
      },
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "prefix", parameters: [P.positional("count", "Int")], returns: "Dataset",
        doc: "The first `count` samples, as a smaller data set."
      ) { a in
        .host(DatasetValue(self.dataset.prefix(max(0, try a.int("count"))), runtime: self.runtime))
      },
      MethodSpec(
        name: "batch", parameters: [P.positional("count", "Int")], returns: "Batch",
        doc: "The first `count` samples as one batch (images [N, C, H, W], labels [N])."
      ) { a in
        .host(BatchValue(try self.dataset.batch(try a.int("count"))))
      },
      MethodSpec(
        name: "batches",
        parameters: [
          P.labelled("size", "Int"), P.labelled("shuffle", "Bool", default: .bool(true)),
          P.labelled("seed", "Int?", default: .null),
        ],
        returns: "Batches",
        doc: "One pass over the data in batches of `size`, shuffled from the seed."
      ) { a in
        let seed = try TrainingOptions.seed(a, self.runtime)
        return .host(
          BatchesValue(
            try self.dataset.batches(
              size: try a.int("size"), shuffle: try a.bool("shuffle"), seed: seed)))
      },
      MethodSpec(
        name: "shuffled", parameters: [P.labelled("seed", "Int?", default: .null)],
        returns: "Dataset",
        doc: "The samples in a random order drawn from the seed."
      ) { a in
        .host(
          DatasetValue(
            self.dataset.shuffled(seed: try TrainingOptions.seed(a, self.runtime)),
            runtime: self.runtime))
      },
      MethodSpec(
        name: "split",
        parameters: [
          P.labelled("trainFraction", "Double"), P.labelled("seed", "Int?", default: .null),
        ],
        returns: "Split", doc: "A random split into .train and .test."
      ) { a in
        let split = try self.dataset.split(
          trainFraction: try a.double("trainFraction"),
          seed: try TrainingOptions.seed(a, self.runtime))
        return .host(
          TrainTestValue(train: split.train, test: split.test, kind: "Split", runtime: self.runtime)
        )
      },
    ]
  }

  override func subscriptGet(_ indices: [Value]) throws -> Value? {
    guard indices.count == 1 else {
      throw HostError("IndexError", "a data set takes one index: data[0]")
    }
    switch indices[0] {
    case .int(let raw):
      let index = raw < 0 ? raw + dataset.count : raw
      guard index >= 0, index < dataset.count else {
        throw HostError("IndexError", "index \(raw) is out of range for \(dataset.count) samples")
      }
      return try EngineErrors.run { .host(SampleValue(try dataset[index])) }
    case .range(let range):
      let (low, high) = range.bounds(count: dataset.count)
      return try EngineErrors.run {
        .host(DatasetValue(try dataset.subset(low..<high), runtime: runtime))
      }
    default:
      throw HostError("TypeError", "a data set index must be an Int or a range")
    }
  }

  override func makeIterator() throws -> (() throws -> Value?)? {
    var position = 0
    return { [self] in
      guard position < dataset.count else { return nil }
      defer { position += 1 }
      return try EngineErrors.run { .host(SampleValue(try dataset[position])) }
    }
  }
}

/// A train/test pair: `FashionMNIST(...)` or `data.split(...)`.
final class TrainTestValue: RuntimeObject {
  let train: Dataset
  let test: Dataset
  let kind: String
  let runtime: RuntimeState

  init(train: Dataset, test: Dataset, kind: String, runtime: RuntimeState) {
    self.train = train
    self.test = test
    self.kind = kind
    self.runtime = runtime
  }

  override var typeName: String { kind }
  override var aliases: [String] { ["DataSplit"] }

  override var description: String {
    let classes =
      train.isSegmentation ? "masks \(train.targetShape)" : "\(train.classCount) classes"
    return
      "\(kind): train \(Numbers.grouped(train.count)) and test \(Numbers.grouped(test.count)) samples, images \(train.sampleShape), \(classes)"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "train", type: "Dataset", doc: "The training samples.") {
        .host(DatasetValue(self.train, runtime: self.runtime))
      },
      PropertySpec(name: "test", type: "Dataset", doc: "The held-out test samples.") {
        .host(DatasetValue(self.test, runtime: self.runtime))
      },
      PropertySpec(name: "validation", type: "Dataset", doc: "The same as test.") {
        .host(DatasetValue(self.test, runtime: self.runtime))
      },
      PropertySpec(name: "classNames", type: "[String]", doc: "The class names, by label.") {
        .strings(self.train.classNames)
      },
    ]
  }

  override func displayBundle() -> MimeBundle {
    let header = ["split", "samples", "image shape", "classes"]
    let rows = [("train", train), ("test", test)].map { name, data in
      [name, Numbers.grouped(data.count), "\(data.sampleShape)", "\(data.classCount)"]
    }
    var bundle = MimeBundle(plain: description)
    var html = HTML.table(header: header, rows: rows, numeric: [1, 3], caption: kind)
    if !train.isSegmentation {
      html +=
        "<p>classes: "
        + Markup.escape(
          train.classNames.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: ", ")
        ) + "</p>"
    }
    bundle.add("text/html", html)
    return bundle
  }
}

/// One sample: `.image` `[C, H, W]`, `.label`, `.mask` for segmentation.
final class SampleValue: RuntimeObject {
  let sample: Sample

  init(_ sample: Sample) { self.sample = sample }

  var imageValue: TensorValue { TensorValue(sample.image) }

  override var typeName: String { "Sample" }
  override var description: String {
    sample.mask == nil
      ? "Sample(label: \(sample.label) \(sample.className), image \(sample.image.shape))"
      : "Sample(image \(sample.image.shape), mask \(sample.mask?.shape ?? []))"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "image", type: "Tensor", doc: "The image, [C, H, W].") {
        .host(TensorValue(self.sample.image))
      },
      PropertySpec(name: "label", type: "Int", doc: "The class index.") { .int(self.sample.label) },
      PropertySpec(name: "className", type: "String", doc: "The class name.") {
        .string(self.sample.className)
      },
      PropertySpec(
        name: "mask", type: "Tensor?", doc: "The per-pixel class mask (segmentation), or nil."
      ) {
        self.sample.mask.map { .host(TensorValue($0)) } ?? .null
      },
    ]
  }

  override func displayBundle() -> MimeBundle {
    var bundle = TensorDisplay.bundle(sample.image)
    bundle.data["text/plain"] = description
    bundle.data["text/html"] = nil
    return bundle
  }
}

/// A batch: `.images` `[N, C, H, W]`, `.labels` `[N]` (or masks `[N, H, W]`).
final class BatchValue: RuntimeObject {
  let batch: Batch

  init(_ batch: Batch) { self.batch = batch }

  override var typeName: String { "Batch" }
  override var description: String {
    "Batch(\(batch.count) samples, images \(batch.images.shape), labels \(batch.labels.shape))"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "images", type: "Tensor", doc: "The images, [N, C, H, W].") {
        .host(TensorValue(self.batch.images))
      },
      PropertySpec(
        name: "labels", type: "Tensor", doc: "The class indices, [N] (or masks [N, H, W])."
      ) { .host(TensorValue(self.batch.labels)) },
      PropertySpec(name: "count", type: "Int", doc: "The number of samples.") {
        .int(self.batch.count)
      },
    ]
  }
}

/// One pass of batches, iterable: `for batch in data.train.batches(size: 64)`, `.enumerated()`.
final class BatchesValue: RuntimeObject {
  let batches: BatchSequence
  let enumerated: Bool

  init(_ batches: BatchSequence, enumerated: Bool = false) {
    self.batches = batches
    self.enumerated = enumerated
  }

  override var typeName: String { "Batches" }
  override var description: String { "Batches(\(batches.count) batches)" }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "count", type: "Int", doc: "The number of batches.") {
        .int(self.batches.count)
      }
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "enumerated", parameters: [], returns: "Sequence", doc: "(index, batch) pairs."
      ) { _ in
        .host(BatchesValue(self.batches, enumerated: true))
      }
    ]
  }

  override func makeIterator() throws -> (() throws -> Value?)? {
    var position = 0
    return { [self] in
      guard position < batches.count else { return nil }
      defer { position += 1 }
      let batch = Value.host(BatchValue(batches[position]))
      return enumerated ? .tuple([.int(position), batch]) : batch
    }
  }
}
