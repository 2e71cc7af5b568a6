import Autograd
import Tensor
import Testing

@testable import NN

@Suite("Residual blocks against PyTorch")
struct LayersResidualTests {
  /// The fixture's block: torchvision's BasicBlock (projection) or the CIFAR option-A block.
  private func block(_ name: String) -> Residual {
    if name == "basic_block_projection" {
      return basicBlock(inChannels: 4, width: 8, stride: 2)
    }
    return Residual(shortcut: .zeroPad(stride: 2)) {
      conv3x3(8, stride: 2, name: "conv1")
      BatchNorm2D().named("bn1")
      ReLU()
      conv3x3(8, name: "conv2")
      BatchNorm2D().named("bn2")
    }
  }

  @Test("Basic blocks: evaluation output, training output, gradients and running statistics")
  func basicBlocks() throws {
    let cases = try loadCases("residual_blocks.json", as: BlockCase.self)
    #expect(cases.map(\.name) == ["basic_block_projection", "basic_block_option_a"])
    for fixture in cases {
      let residual = block(fixture.name)
      #expect(try residual.build(input: [4, 6, 6], seed: 0) == [8, 3, 3])
      try load(fixture.parameters, into: residual.parameters.map { ($0.name, $0.variable) })
      try load(fixture.buffers, into: residual.buffers.map { ($0.name, $0.variable) })
      let input = try fixture.input.tensor()

      residual.eval()
      let evaluated = try residual(Variable(input))
      #expect(close(evaluated.value, try fixture.eval_output.tensor()), "\(fixture.name) eval")

      residual.train()
      let x = Variable(input, requiresGrad: true)
      let y = try residual(x)
      #expect(close(y.value, try fixture.train_output.tensor()), "\(fixture.name) train")
      try (try y * fixture.probe.tensor()).sum().backward()
      #expect(close(try #require(x.grad), try fixture.input_grad.tensor(), rtol: 1e-3, atol: 1e-4))
      let conv1 = try #require(residual.parameters.first { $0.name == "conv1.weight" })
      #expect(
        close(
          try #require(conv1.variable.grad), try fixture.conv1_weight_grad.tensor(),
          rtol: 1e-3, atol: 1e-4))
      for buffer in residual.buffers {
        let expected = try #require(fixture.updated_buffers[buffer.name])
        #expect(close(buffer.variable.value, try expected.tensor()), "\(buffer.name)")
      }
    }
  }
}
