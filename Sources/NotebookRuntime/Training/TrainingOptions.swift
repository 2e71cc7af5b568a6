import Lang
import NN

/// Reading training arguments (`loss: .crossEntropy`, `metrics: [.iou]`, data sets, optimizers).
enum TrainingOptions {
  static func loss(_ value: Value) throws -> Loss {
    guard !value.isNil else { return .crossEntropy }
    guard case .implicitMember(let name) = value else {
      throw HostError(
        "TypeError", "loss expects .crossEntropy or .meanSquaredError, got \(value.typeName)")
    }
    switch name {
    case "crossEntropy": return .crossEntropy
    case "meanSquaredError", "mse": return .meanSquaredError
    default:
      throw HostError(
        "ValueError", "unknown loss .\(name)", hint: "use .crossEntropy or .meanSquaredError")
    }
  }

  static func metrics(_ value: Value) throws -> [Metric] {
    guard !value.isNil else { return [.loss, .accuracy] }
    guard let elements = value.arrayValue else {
      throw HostError("TypeError", "metrics expects an array like [.iou]")
    }
    var metrics: [Metric] = [.loss, .accuracy]
    for element in elements {
      guard case .implicitMember(let name) = element else {
        throw HostError(
          "TypeError", "metrics expects implicit members like .iou, got \(element.typeName)")
      }
      switch name {
      case "iou": metrics.append(.iou)
      case "accuracy", "loss": break
      default:
        throw HostError(
          "ValueError", "unknown metric .\(name)", hint: "use .accuracy, .loss or .iou")
      }
    }
    return metrics
  }

  static func dataset(_ value: Value, _ role: String) throws -> Dataset {
    if let data = value.host(as: DatasetValue.self) { return data.dataset }
    if value.host(as: TrainTestValue.self) != nil {
      throw HostError(
        "TypeError", "\(role) expects a data set, got a train/test pair",
        hint: "use data.train or data.test")
    }
    throw HostError("TypeError", "\(role) expects a data set, got \(value.typeName)")
  }

  static func optionalDataset(_ value: Value, _ role: String) throws -> Dataset? {
    value.isNil ? nil : try dataset(value, role)
  }

  static func optimizer(_ value: Value) throws -> Optimizer? {
    guard !value.isNil else { return nil }
    guard let optimizer = value.host(as: OptimizerValue.self) else {
      throw HostError("TypeError", "optimizer expects SGD(...) or Adam(...), got \(value.typeName)")
    }
    return optimizer.optimizer
  }

  static func seed(_ arguments: Arguments, _ runtime: RuntimeState) throws -> UInt64 {
    guard let seed = try arguments.optionalInt("seed") else { return runtime.nextSeed() }
    guard seed >= 0 else { throw HostError("ValueError", "seed must be ≥ 0, got \(seed)") }
    return UInt64(seed)
  }
}
