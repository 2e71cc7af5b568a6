import Autograd
import Cancellation
import Lang
import MemoryBudget
import NN
import Tensor

/// Turns errors of the engine (Tensor, NN) into language errors with a kind, a one-line cause and
/// a hint, so a cell shows `ShapeError: …` pointing at the call instead of a Swift error dump.
enum EngineErrors {
  /// Runs `body`, translating every engine error into a `HostError`.
  static func run<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as HostError {
      throw error
    } catch let error as Interrupted {
      throw error
    } catch let error as UserCodeError {
      throw error.underlying
    } catch {
      throw translate(error)
    }
  }

  /// The language error for an engine error.
  static func translate(_ error: any Error) -> HostError {
    switch error {
    case let host as HostError: return host
    case let shape as NN.ShapeError:
      let position = shape.path.isEmpty ? "" : "layer \(shape.path): "
      return HostError("ShapeError", position + shape.problem, hint: shape.fix)
    case let tensor as TensorError: return translate(tensor)
    case let memory as MemoryError:
      return HostError(
        "MemoryError", "out of memory: the operation \(memory)",
        hint: "use a smaller batch or input size")
    case let data as DataError: return translate(data)
    case let training as TrainingError:
      return HostError("ValueError", training.description)
    case let checkpoint as CheckpointError: return translate(checkpoint)
    default:
      return HostError("Error", String(describing: error))
    }
  }

  static func translate(_ error: TensorError) -> HostError {
    switch error {
    case .shapeMismatch, .invalidShape:
      return HostError("ShapeError", error.description, hint: "check the shapes with `.shape`")
    case .invalidArgument: return HostError("ValueError", error.description)
    case .indexOutOfRange: return HostError("IndexError", error.description)
    case .outOfMemory:
      return HostError("MemoryError", error.description, hint: "use a smaller batch or input size")
    }
  }

  static func translate(_ error: DataError) -> HostError {
    switch error {
    case .missingFile(let path, let hint):
      return HostError("FileNotFoundError", "file not found: \(path)", hint: hint)
    case .invalidArgument(let message):
      return HostError("ValueError", message)
    default:
      return HostError("DataError", error.description)
    }
  }

  static func translate(_ error: CheckpointError) -> HostError {
    switch error {
    case .readFailed(let path, _):
      return HostError(
        "FileNotFoundError", error.description,
        hint: "save a model first with model.save(\"\(path)\")")
    case .unexpectedTensors:
      return HostError(
        "CheckpointError", error.description,
        hint:
          "load into the same architecture that saved it; a layer without inChannels has no weights before its first call: call the model once, model(x), then load"
      )
    case .missingTensor, .shapeMismatch:
      return HostError(
        "CheckpointError", error.description,
        hint: "load a checkpoint into the same architecture that saved it")
    default:
      return HostError("CheckpointError", error.description)
    }
  }
}
