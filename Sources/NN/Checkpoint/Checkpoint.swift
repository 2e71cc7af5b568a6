import Autograd
import Tensor

/// Saves and loads a model's weights (parameters and buffers, by name) as safetensors files.
///
/// The file holds one F32 tensor per `NamedParameter` / `NamedBuffer` name (e.g. `"0.weight"`,
/// `"3.runningMean"`), readable by Python's `safetensors.numpy.load_file`. Saving is atomic;
/// loading checks every name and shape before changing anything, so a failed load leaves the
/// model as it was.
public enum Checkpoint {
  /// Writes `model`'s parameters and buffers to `path` (temporary file, then rename).
  public static func save(_ model: any Layer, to path: String, metadata: [String: String] = [:])
    throws(CheckpointError)
  {
    let entries = tensors(of: model).mapValues {
      SafeTensors.Entry(shape: $0.value.shape, scalars: $0.value.scalars)
    }
    var meta = metadata
    meta["format"] = meta["format"] ?? "pt"
    meta["producer"] = "Stride"
    try AtomicFile.write(SafeTensors.encode(entries, metadata: meta), to: path)
  }

  /// Reads `path` into `model`; the file must hold exactly the model's tensors, same shapes.
  /// - Returns: the file's metadata.
  @discardableResult
  public static func load(into model: any Layer, from path: String) throws(CheckpointError)
    -> [String: String]
  {
    let (entries, metadata) = try SafeTensors.decode(try AtomicFile.read(path), path: path)
    let targets = tensors(of: model)
    for (name, variable) in targets.sorted(by: { $0.key < $1.key }) {
      guard let entry = entries[name] else { throw .missingTensor(name: name) }
      guard entry.shape == variable.value.shape else {
        throw .shapeMismatch(name: name, model: variable.value.shape, file: entry.shape)
      }
    }
    let extra = entries.keys.filter { targets[$0] == nil }.sorted()
    guard extra.isEmpty else { throw .unexpectedTensors(extra) }
    for (name, variable) in targets {
      guard let entry = entries[name],
        let value = try? Tensor(shape: entry.shape, scalars: entry.scalars)
      else { continue }
      variable.value = value
    }
    return metadata
  }

  /// The model's parameters and buffers by name.
  static func tensors(of model: any Layer) -> [String: Variable] {
    var out: [String: Variable] = [:]
    for p in model.parameters { out[p.name] = p.variable }
    for b in model.buffers { out[b.name] = b.variable }
    return out
  }
}

extension Layer {
  /// Saves this model's weights as a safetensors file: `model.save("lenet.safetensors")`.
  public func save(_ path: String) throws(CheckpointError) { try Checkpoint.save(self, to: path) }

  /// Loads weights saved by `save` into this model: `model.load("lenet.safetensors")`.
  @discardableResult
  public func load(_ path: String) throws(CheckpointError) -> [String: String] {
    try Checkpoint.load(into: self, from: path)
  }
}
