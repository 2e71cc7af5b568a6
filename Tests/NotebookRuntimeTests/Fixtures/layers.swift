Dense(1, inputs: 256 * 256).parameterCount
// expect: 65537
// ---
Conv2D(1, kernel: 3, inChannels: 1).parameterCount
// expect: 10
// ---
let lenet = Sequential(input: [1, 32, 32]) {
    Conv2D(6, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Conv2D(16, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Flatten()
    Dense(120, activation: .tanh)
    Dense(84, activation: .tanh)
    Dense(10)
}
lenet.parameterCount
// expect: 61706
// ---
lenet.outputShape
// expect: [10]
// ---
lenet.layers.count
// expect: 8
// ---
lenet.layers[0].weight.shape
// expect: [6, 1, 5, 5]
// ---
lenet.summary().multAdds
// expect: 423038
// ---
lenet.multAdds(input: [1, 32, 32]) == lenet.summary().multAdds
// expect: true
// ---
let vggStage = Sequential {
    for _ in 0..<2 {
        Conv2D(64, kernel: 3, padding: 1, activation: .relu)
    }
    MaxPool2D(2)
}
vggStage.layers.count
// expect: 3
// ---
func convBN(_ filters: Int) -> Sequential {
    return Sequential {
        Conv2D(filters, kernel: 3, padding: 1, bias: false)
        BatchNorm2D()
        ReLU()
    }
}
let custom = Sequential(input: [1, 32, 32]) {
    convBN(16)
    Residual {
        convBN(16)
        convBN(16)
    }
    GlobalAvgPool2D()
    Flatten()
    Dense(10)
}
custom.outputShape
// expect: [10]
// ---
let withBias = true
let m = Sequential(input: [1, 8, 8]) {
    Conv2D(4, kernel: 3, bias: withBias)
    if withBias {
        ReLU()
    }
    Flatten()
    Dense(2)
}
m.parameterCount
// expect: 330
// ---
let batch = Tensor.zeros([2, 1, 8, 8])
m(batch).shape
// expect: [2, 2]
// ---
m(Tensor.zeros([1, 8, 8])).shape
// expect: [2]
// ---
let slide = Sequential(input: [3, 227, 227]) {
    Conv2D(96, kernel: 11, stride: 4, activation: .relu)
    MaxPool2D(3, stride: 2)
    Conv2D(256, kernel: 5, padding: 2, activation: .relu)
    MaxPool2D(3, stride: 2)
    Conv2D(384, kernel: 3, padding: 1, activation: .relu)
    Conv2D(384, kernel: 3, padding: 1, activation: .relu)
    Conv2D(384, kernel: 3, padding: 1, activation: .relu)
    MaxPool2D(3, stride: 2)
    Flatten()
    Dense(4096, inputs: 9216, activation: .relu)
    Dense(10)
}
// error:
// ShapeError: layer 9: Dense(4096) expects 9216 inputs but gets 13824
//  --> cell14:1:13
//   |
// 1 | let slide = Sequential(input: [3, 227, 227]) {
//   |             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: the layer before it gives 13824 features; set inputs: 13824 or leave inputs out
// ---
Conv2D(6, kernel: 5, activation: .swish)
// error:
// ValueError: unknown activation .swish
//  --> cell15:1:1
//   |
// 1 | Conv2D(6, kernel: 5, activation: .swish)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: use one of .relu, .tanh, .sigmoid, .leakyRelu, .elu, .gelu, .softmax, .identity
// ---
Sequential {
    Conv2D(6, kernel: 5)
    42
}
// error:
// TypeError: Sequential's block produced a value of type Int, but only layers belong in it
//  --> cell16:1:1
//   |
// 1 | Sequential {
//   | ^~~~~~~~~~~~
//   = hint: end the statement with `;` or assign it with `let _ =`
