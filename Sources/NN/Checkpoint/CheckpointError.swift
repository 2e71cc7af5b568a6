/// Why a checkpoint could not be written, read or applied to a model.
public enum CheckpointError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file could not be written (the previous file, if any, is untouched).
  case writeFailed(path: String, reason: String)
  /// The file could not be read.
  case readFailed(path: String, reason: String)
  /// The bytes are not a valid safetensors file.
  case malformed(path: String, reason: String)
  /// A tensor uses a dtype other than F32.
  case unsupportedDType(name: String, dtype: String)
  /// The model has a tensor the file lacks (or the reverse).
  case missingTensor(name: String)
  /// The file has tensors the model lacks.
  case unexpectedTensors([String])
  /// A tensor's shape in the file differs from the model's.
  case shapeMismatch(name: String, model: [Int], file: [Int])

  public var description: String {
    switch self {
    case .writeFailed(let path, let reason): return "could not save \(path): \(reason)"
    case .readFailed(let path, let reason): return "could not read \(path): \(reason)"
    case .malformed(let path, let reason):
      return "\(path) is not a valid safetensors file: \(reason)"
    case .unsupportedDType(let name, let dtype):
      return "tensor '\(name)' has dtype \(dtype); Stride reads F32 only"
    case .missingTensor(let name):
      return
        "the checkpoint has no tensor '\(name)', which the model needs: was it saved from another architecture?"
    case .unexpectedTensors(let names):
      return
        "the checkpoint has tensors the model lacks: \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", …" : "")"
    case .shapeMismatch(let name, let model, let file):
      return
        "tensor '\(name)' has shape \(file) in the checkpoint but \(model) in the model: the architectures differ"
    }
  }
}
