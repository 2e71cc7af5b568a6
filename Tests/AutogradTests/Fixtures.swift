import Foundation
import Tensor

/// PyTorch reference values from scripts/gen_engine_fixtures.py (committed JSON).
enum Fixtures {
  struct TensorData: Decodable {
    let shape: [Int]
    let data: [Float]
    var tensor: Tensor { get throws { try Tensor(shape: shape, scalars: data) } }
  }

  /// An option value as PyTorch took it: an int, a pair, a string ("same") or a bool.
  enum Option: Decodable {
    case int(Int), pair(Int, Int), string(String), bool(Bool)

    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let b = try? c.decode(Bool.self) {
        self = .bool(b)
      } else if let i = try? c.decode(Int.self) {
        self = .int(i)
      } else if let p = try? c.decode([Int].self), p.count == 2 {
        self = .pair(p[0], p[1])
      } else {
        self = .string(try c.decode(String.self))
      }
    }

    var size: Size2 {
      switch self {
      case .int(let i): return Size2(i)
      case .pair(let h, let w): return Size2(h, w)
      default: return Size2(0)
      }
    }
    var bool: Bool { if case .bool(let b) = self { return b } else { return false } }
    var int: Int { if case .int(let i) = self { return i } else { return 0 } }
  }

  struct File<Case: Decodable>: Decodable { let cases: [Case] }

  struct ConvCase: Decodable {
    let name: String
    let options: [String: Option]
    let x, w, b, y, gy, gx, gw, gb: TensorData
  }

  struct PoolCase: Decodable {
    let name, kind: String
    let options: [String: Option]
    let x, y, gy, gx: TensorData
  }

  struct BatchNormCase: Decodable {
    let name: String
    let training: Bool
    let momentum, eps: Float
    let x, gamma, beta, y, gy, gx, ggamma, gbeta: TensorData
    let running_mean_before, running_var_before, running_mean_after, running_var_after: TensorData
  }

  struct CrossEntropyCase: Decodable {
    let name: String
    let logits, glogits: TensorData
    let labels: [Int]
    let loss: Float
  }

  struct UpsampleCase: Decodable {
    let name, mode: String
    let size: [Int]
    let align_corners: Bool
    let x, y, gy, gx: TensorData
  }

  static func load<Case: Decodable>(_ name: String, as: Case.Type) throws -> [Case] {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures")
    else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try JSONDecoder().decode(File<Case>.self, from: Data(contentsOf: url)).cases
  }
}

/// Whether two tensors have the same shape and values within `atol + rtol·|expected|`.
func close(_ a: Tensor?, _ b: Tensor, rtol: Float = 1e-4, atol: Float = 1e-5) -> Bool {
  guard let a, a.shape == b.shape else { return false }
  return zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
}
