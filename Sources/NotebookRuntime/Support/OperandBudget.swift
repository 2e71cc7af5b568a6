import Lang
import MemoryBudget

/// Reserves, before a built-in runs, as much memory as its tensor operands take.
///
/// Most engine operations make a result as large as an operand (`exp(t)`, `t * 2`, `t.relu()`,
/// gradients) and allocate it without asking `MemoryBudget`; the engine checks only results whose
/// size it computes (broadcasts, convolutions, matmul, new tensors). Reserving the operands' bytes
/// first turns an allocation that cannot fit into a MemoryError instead of a fatal allocator
/// failure. An operation that does not allocate (a sum, a shape) may then report a MemoryError only
/// when memory is already too short for one more copy of its operands.
enum OperandBudget {
  /// Reserves the bytes of every tensor among `arguments` plus `extra` bytes (a receiver's).
  static func reserve(_ arguments: Arguments, _ parameters: [Parameter], extra: Int = 0) throws {
    var bytes = extra
    for parameter in parameters {
      if let tensor = arguments[parameter.name].host(as: TensorValue.self) {
        bytes = bytes &+ tensor.operandBytes
      }
    }
    try MemoryBudget.reserve(bytes)
  }

  /// Reserves the bytes of the given operands.
  static func reserve(_ objects: RuntimeObject...) throws {
    try MemoryBudget.reserve(objects.reduce(0) { $0 &+ $1.operandBytes })
  }
}
