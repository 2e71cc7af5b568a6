// Layers written as user types (`: Layer`): summary, parameters, fit, diagram, errors.
%seed 3
struct Skip: Layer {
    var conv = Conv2D(4, kernel: 3, padding: 1, activation: .relu)
    func callAsFunction(_ x: Tensor) -> Tensor { x + conv(x) }
}
func makeNet(_ block: Skip) -> Sequential {
    return Sequential(input: [1, 8, 8]) {
        Conv2D(4, kernel: 3, padding: 1)
        block
        Conv2D(2, kernel: 1)
    }
}
let block = Skip()
let net = makeNet(block)
net.summary()
// expect: ===========================================================================================================
// expect: Layer (type:depth-idx)                   Output Shape              Param #         Mult-Adds          RF
// expect: ===========================================================================================================
// expect: Sequential                               [1, 2, 8, 8]              --              --                 --
// expect: ├─Conv2D: 1-1                            [1, 4, 8, 8]              40              2,560              3x3
// expect: ├─Skip: 1-2                              [1, 4, 8, 8]              --              --                 5x5
// expect: │    └─Conv2D: 2-1                       [1, 4, 8, 8]              148             9,472              5x5
// expect: ├─Conv2D: 1-3                            [1, 2, 8, 8]              10              640                5x5
// expect: ===========================================================================================================
// expect: Total params: 198
// expect: Trainable params: 198
// expect: Non-trainable params: 0
// expect: Total mult-adds (M): 0.01
// expect: ===========================================================================================================
// expect: Input size (MB): 0.00
// expect: Forward/backward pass size (MB): 0.01
// expect: Params size (MB): 0.00
// expect: Estimated Total Size (MB): 0.01
// expect: Inference activations, peak (MB): 0.00
// expect: ===========================================================================================================
// expect: Output-size arithmetic
// expect: Conv2D: 1-1  W' = (W − F + 2P)/S + 1 = (8 − 3 + 2)/1 + 1 = 8
// expect: Conv2D: 2-1  W' = (W − F + 2P)/S + 1 = (8 − 3 + 2)/1 + 1 = 8
// expect: Conv2D: 1-3  W' = (W − F + 2P)/S + 1 = (8 − 1 + 0)/1 + 1 = 8
// expect: ===========================================================================================================
// ---
print(net.parameterCount, net.parameters.map { $0.0 })
print(net.layers[1], net.layers[1].parameterCount, block(Tensor.zeros([1, 4, 8, 8])).shape)
net.diagram()
// expect: 198 ["0.weight", "0.bias", "1.conv.weight", "1.conv.bias", "2.weight", "2.bias"]
// expect: Skip() 148 [1, 4, 8, 8]
// expect: Input 1x8x8 → Conv2D 4x8x8 → Skip 4x8x8 → Conv2D 2x8x8
// ---
let before = block.conv.weight.scalars
let shapes = SyntheticShapes(count: 16, size: 8, seed: 7)
let history = net.fit(shapes, epochs: 2, batchSize: 8, optimizer: Adam(learningRate: 0.01),
                      loss: .crossEntropy, seed: 7);
print(history.loss.count, history.loss[1] < history.loss[0], block.conv.weight.scalars != before)
// expect: 2 true true
// ---
%seed 3
let again = makeNet(Skip())
let history2 = again.fit(shapes, epochs: 2, batchSize: 8, optimizer: Adam(learningRate: 0.01),
                         loss: .crossEntropy, seed: 7);
print(history2.loss == history.loss)
// expect: true
// ---
struct Scale: Layer { var factor = 2.0 }
// error:
// TypeError: type 'Scale' does not conform to protocol 'Layer'
//  --> cell5:1:8
//   |
// 1 | struct Scale: Layer { var factor = 2.0 }
//   |        ^~~~~
//   = hint: add the method 'func callAsFunction(_ x: Tensor) -> Tensor' that 'Layer' requires
// ---
struct Labelled: Layer { func callAsFunction(x: Tensor) -> Tensor { x } }
// error:
// TypeError: type 'Labelled' does not conform to protocol 'Layer': 'callAsFunction' has the wrong signature
//  --> cell6:1:8
//   |
// 1 | struct Labelled: Layer { func callAsFunction(x: Tensor) -> Tensor { x } }
//   |        ^~~~~~~~
//   = hint: 'Layer' requires 'func callAsFunction(_ x: Tensor) -> Tensor'
// ---
var explode = false
final class Stack: Layer {
    var convs = [Conv2D(2, kernel: 3, padding: 1), Conv2D(2, kernel: 3, padding: 1)]
    func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(!explode, "the stack exploded")
        return convs[1](convs[0](x))
    }
}
let stacked = Sequential(input: [1, 8, 8]) { Stack(); Conv2D(2, kernel: 1) }
print(stacked.parameters.map { $0.0 })
// expect: ["0.convs.0.weight", "0.convs.0.bias", "0.convs.1.weight", "0.convs.1.bias", "1.weight", "1.bias"]
// ---
explode = true
stacked.fit(shapes, epochs: 1, batchSize: 8, loss: .crossEntropy, seed: 7)
// error:
// AssertionError: precondition failed: the stack exploded
//  --> cell7:5:9, in callAsFunction(_:)
//   |
// 5 |         precondition(!explode, "the stack exploded")
//   |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//  --> cell8:2:1, called from here
//   |
// 2 | stacked.fit(shapes, epochs: 1, batchSize: 8, loss: .crossEntropy, seed: 7)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
struct Pair: Layer {
    var conv = Conv2D(4, kernel: 3, padding: 1, activation: .relu, inChannels: 1)
    var head = Conv2D(2, kernel: 1, inChannels: 4)
    func callAsFunction(_ x: Tensor) -> Tensor { head(conv(x)) }
}
let pair = Pair()
print(pair.parameterCount, pair.parameters.map { $0.0 }, pair.layers.count)
print(pair.summary(input: [1, 8, 8]).parameterCount, pair.multAdds(input: [1, 8, 8]))
// expect: 50 ["conv.weight", "conv.bias", "head.weight", "head.bias"] 2
// expect: 50 3200
// ---
let pairHistory = pair.fit(shapes, epochs: 2, batchSize: 8, optimizer: Adam(learningRate: 0.01),
                           loss: .crossEntropy, seed: 7);
let pairCopy = pair
print(pairHistory.loss[1] < pairHistory.loss[0], pairCopy.history!.loss == pairHistory.loss)
pair.save("/tmp/stride-user-layer-fixture.safetensors")
let restored = Pair()
restored.load("/tmp/stride-user-layer-fixture.safetensors")
print(restored.evaluate(shapes).accuracy == pair.evaluate(shapes).accuracy)
// expect: true true
// expect: true
// ---
pair.fitt(shapes)
// error:
// NameError: value of type 'Pair' has no member 'fitt'
//  --> cell11:1:6
//   |
// 1 | pair.fitt(shapes)
//   |      ^~~~
//   = hint: did you mean 'fit'?

// ---
struct Twice: Layer {
    var conv = Conv2D(2, kernel: 3, padding: 1, inChannels: 2)
    func callAsFunction(_ x: Tensor) -> Tensor { MaxPool2D(2)(conv(conv(x))) }
}
let twice = Twice().summary(input: [2, 8, 8])
print(twice.parameterCount, twice.multAdds)
for line in twice.text.split(separator: "\n") where line.contains("─") { print(line) }
// expect: 38 4864
// expect: ├─Conv2D: 1-1                            [1, 2, 8, 8]              38              2,432              3x3
// expect: ├─Conv2D: 1-2                            [1, 2, 8, 8]              --              2,432              5x5
// expect: ├─MaxPool2D: 1-3                         [1, 2, 4, 4]              --              --                 6x6
