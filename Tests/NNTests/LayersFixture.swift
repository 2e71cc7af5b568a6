import Foundation
import Tensor

/// A tensor as the fixture generator writes it: shape and row-major values.
struct FixtureTensor: Decodable {
  let shape: [Int]
  let values: [Float]

  func tensor() throws -> Tensor { try Tensor(shape: shape, scalars: values) }
}

/// One layer case of `Fixtures/layers/layers.json` (scripts/nn_layer_fixtures.py).
struct LayerCase: Decodable {
  let name: String
  let input: FixtureTensor
  let parameters: [String: FixtureTensor]
  let buffers: [String: FixtureTensor]
  let output: FixtureTensor
  let updated_buffers: [String: FixtureTensor]?
}

/// One residual block case of `Fixtures/layers/residual_blocks.json`.
struct BlockCase: Decodable {
  let name: String
  let parameters: [String: FixtureTensor]
  let buffers: [String: FixtureTensor]
  let input: FixtureTensor
  let eval_output: FixtureTensor
  let train_output: FixtureTensor
  let probe: FixtureTensor
  let input_grad: FixtureTensor
  let conv1_weight_grad: FixtureTensor
  let updated_buffers: [String: FixtureTensor]
}

private struct CaseFile<Case: Decodable>: Decodable {
  let cases: [Case]
}

/// The cases of a fixture file under `Fixtures/layers/`.
func loadCases<Case: Decodable>(_ file: String, as type: Case.Type) throws -> [Case] {
  guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
    throw CocoaError(.fileNoSuchFile)
  }
  let data = try Data(contentsOf: root.appendingPathComponent("layers/\(file)"))
  return try JSONDecoder().decode(CaseFile<Case>.self, from: data).cases
}

/// Whether two tensors have equal shapes and values within `atol + rtol·|expected|`.
func close(_ actual: Tensor, _ expected: Tensor, rtol: Float = 1e-4, atol: Float = 1e-5) -> Bool {
  actual.shape == expected.shape
    && zip(actual.scalars, expected.scalars).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
}
