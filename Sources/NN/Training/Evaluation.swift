import Autograd
import Cancellation
import Tensor

/// How well a model does on a data set: `lenet.evaluate(data.test)`.
public struct Evaluation: Sendable {
  /// Mean loss over samples (segmentation: over pixels).
  public let loss: Double
  /// Fraction of samples (or pixels) classified correctly.
  public let accuracy: Double
  /// Counts of (true, predicted) classes.
  public let confusion: ConfusionMatrix
  /// Foreground IoU (segmentation data only).
  public let iou: Double?
  /// The number of samples evaluated.
  public let count: Int
}

/// Runs a model over a data set in evaluation mode, without gradients, in fixed order.
struct Evaluator {
  let model: any Layer
  let data: Dataset
  let batchSize: Int
  let loss: Loss
  /// The engine's token (`Threading.cancellationToken`), checked between batches.
  let cancellation = Threading.cancellationToken
  var reportIoU = false

  /// Evaluates; throws `Interrupted` when the token is set between batches.
  func run() throws -> Evaluation {
    let wasTraining = model.isTraining
    model.isTraining = false
    defer { model.isTraining = wasTraining }
    var confusion = ConfusionMatrix(classNames: data.classNames)
    var lossSum = 0.0
    var rowsSeen = 0
    try GradMode.withoutGradients {
      for batch in try data.batches(size: batchSize, shuffle: false) {
        try cancellation.check()
        let scored = try Scored(try model(Variable(batch.images)), batch: batch)
        let value = Double(try loss(scored).value.scalars.first ?? .nan)
        lossSum += value * Double(scored.targets.count)
        rowsSeen += scored.targets.count
        confusion.add(truth: scored.targets, predicted: scored.predicted)
      }
    }
    return Evaluation(
      loss: lossSum / Double(max(rowsSeen, 1)), accuracy: confusion.accuracy, confusion: confusion,
      iou: data.isSegmentation || reportIoU ? confusion.foregroundIoU : nil, count: data.count)
  }
}

/// A model's predictions for a set of images.
public struct Predictions: Sendable {
  /// Class probabilities (softmax of the outputs): [N, K], or [N, K, H, W] for segmentation.
  public let probabilities: Tensor
  /// The most probable class of each sample (segmentation: of each pixel, N·H·W values).
  public let classes: [Int]
}

/// Runs `model` on `images` [N, C, H, W] in evaluation mode, in batches of `batchSize`.
public func predict(_ model: any Layer, _ images: Tensor, batchSize: Int = 256) throws
  -> Predictions
{
  let cancellation = Threading.cancellationToken
  guard images.rank == 4, images.shape[0] > 0, batchSize > 0 else {
    throw TrainingError.invalidArgument(
      "predict needs images [N, C, H, W] and a positive batch size, got \(images.shape)")
  }
  let wasTraining = model.isTraining
  model.isTraining = false
  defer { model.isTraining = wasTraining }
  let n = images.shape[0]
  let per = images.count / n
  var outputs: [Float] = []
  var outputShape: [Int] = []
  try GradMode.withoutGradients {
    for start in stride(from: 0, to: n, by: batchSize) {
      try cancellation.check()
      let end = min(start + batchSize, n)
      let chunk = try Tensor(
        shape: [end - start] + images.shape.dropFirst(),
        scalars: Array(images.scalars[start * per..<end * per]))
      let out = try model(Variable(chunk)).value
      outputs += out.scalars
      outputShape = out.shape
    }
  }
  guard outputShape.count == 2 || outputShape.count == 4 else {
    throw TrainingError.outputMismatch(
      "predict needs outputs [N, classes] or [N, classes, H, W], got \(outputShape)")
  }
  outputShape[0] = n
  let probabilities = softmaxOverClasses(outputs, shape: outputShape)
  let k = outputShape[1]
  let spatial = outputShape.count == 4 ? outputShape[2] * outputShape[3] : 1
  var classes: [Int] = []
  classes.reserveCapacity(n * spatial)
  for i in 0..<n {
    for s in 0..<spatial {
      var best = 0
      for c in 1..<max(k, 1)
      where probabilities[(i * k + c) * spatial + s] > probabilities[(i * k + best) * spatial + s] {
        best = c
      }
      classes.append(best)
    }
  }
  return Predictions(
    probabilities: try Tensor(shape: outputShape, scalars: probabilities), classes: classes)
}

extension Layer {
  /// The predicted segmentation mask of one image [C, H, W] (or a batch [N, C, H, W]): the
  /// argmax over the class axis of the output, as Float class indices [1, H, W] (or [N, H, W]).
  public func predictMask(_ image: Tensor) throws -> Tensor {
    let batch =
      image.rank == 3 ? try Tensor(shape: [1] + image.shape, scalars: image.scalars) : image
    let result = try NN.predict(self, batch)
    guard result.probabilities.rank == 4 else {
      throw TrainingError.outputMismatch(
        "predictMask needs a segmentation model (output [N, classes, H, W]), got \(result.probabilities.shape)"
      )
    }
    let s = result.probabilities.shape
    return try Tensor(shape: [s[0], s[2], s[3]], scalars: result.classes.map(Float.init))
  }
}

/// Softmax along axis 1 of [N, K] or [N, K, H, W] values (max-shifted for stability).
func softmaxOverClasses(_ values: [Float], shape: [Int]) -> [Float] {
  let (n, k) = (shape[0], shape[1])
  let spatial = shape.count == 4 ? shape[2] * shape[3] : 1
  var out = values
  for i in 0..<n {
    for s in 0..<spatial {
      let at = { (c: Int) in (i * k + c) * spatial + s }
      let peak = (0..<k).map { values[at($0)] }.max() ?? 0
      var total: Float = 0
      for c in 0..<k {
        out[at(c)] = expf(values[at(c)] - peak)
        total += out[at(c)]
      }
      for c in 0..<k { out[at(c)] /= total }
    }
  }
  return out
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
