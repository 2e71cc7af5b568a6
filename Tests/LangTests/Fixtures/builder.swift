// Builder blocks: a trailing closure given to a container collects the layers its statements
// produce; `for` and `if` generate several (MockHost stands in for the engine).
let vggStage = Sequential {
    for _ in 0..<2 {
        Conv2D(64, kernel: 3, padding: 1, activation: .relu)
    }
    MaxPool2D(2)
}
vggStage
// expect: Sequential(Conv2D(64, kernel: 3, activation: .relu), Conv2D(64, kernel: 3, activation: .relu), MaxPool2D(2))
// ---
let deep = true
let net = Sequential(input: [1, 32, 32]) {
    Conv2D(6, kernel: 5, activation: .tanh)
    if deep {
        Conv2D(16, kernel: 5, activation: .tanh)
    } else {
        MaxPool2D(2)
    }
    let last = 2
    MaxPool2D(last)
}
print(net.layers.count, net.summary(), net.summary(input: [1, 28, 28]))
// expect: 3 3 layers 3 layers for input [1, 28, 28]
print(net([1, 2]))                        // expect: applied 3 layers to [1, 2]
print(net.layers[1])                      // expect: Conv2D(16, kernel: 5, activation: .tanh)
// ---
Conv2D(0, kernel: 3)
// error:
// ShapeError: Conv2D needs at least one filter, got 0
//  --> cell3:1:1
//   |
// 1 | Conv2D(0, kernel: 3)
//   | ^~~~~~~~~~~~~~~~~~~~
//   = hint: use Conv2D(1, kernel: 3) or more filters
// ---
Conv2D(6, kernal: 5)
// error:
// TypeError: Conv2D: expected argument label 'kernel', found 'kernal'
//  --> cell4:1:1
//   |
// 1 | Conv2D(6, kernal: 5)
//   | ^~~~~~~~~~~~~~~~~~~~
//   = hint: the signature is Conv2D(_ filters: Int, kernel: Int, padding: Int = 0, activation: Activation = .identity) -> Layer
// ---
net.summry()
// error:
// NameError: value of type 'Sequential' has no member 'summry'
//  --> cell5:1:5
//   |
// 1 | net.summry()
//   |     ^~~~~~
//   = hint: did you mean 'summary'?