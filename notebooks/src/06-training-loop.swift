// %% [markdown]
// # 6. Writing your own training loop
//
// `fit` hides a loop you can write yourself: a forward pass, a loss, `backward()` to fill every
// parameter's gradient, and an optimizer step. This notebook starts with autograd on scalars.

// %% [markdown]
// ## Autograd on a tiny expression
// y = (2a + b)², so dy/da = 4(2a + b) and dy/db = 2(2a + b). At a = 3, b = 1: 28 and 14.

// %%
let a = Tensor([3.0], requiresGrad: true)
let b = Tensor([1.0], requiresGrad: true)
let y = (2 * a + b) * (2 * a + b)
y.backward()
print("dy/da = \(a.grad!.item), dy/db = \(b.grad!.item)")

// %% [markdown]
// ## A hand-written training step
// A small network, an optimizer over its parameters, and the loop.

// %%
%seed 3
let data = FashionMNIST(padding: 2)
let model = Sequential(input: [1, 32, 32]) {
    Conv2D(8, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
let opt = Adam(model, learningRate: 1e-3)
for (i, batch) in data.train.prefix(6400).batches(size: 64).enumerated() {
    opt.zeroGrad()
    let loss = crossEntropy(model(batch.images), batch.labels)
    loss.backward()
    opt.step()
    if i % 25 == 0 { print("step \(i): \(loss.item)") }
}

// %%
model.evaluate(data.test).accuracy

// %% [markdown]
// ## A custom block
// A layer of your own is a struct that declares `Layer` and has `callAsFunction`, the way Swift
// for TensorFlow wrote layers: the layers in its stored properties are its parameters, and its
// forward pass is your code. Here a "conv-bn-relu" unit, used twice inside a residual block
// (y = relu(F(x) + x), He et al. 2016).

// %%
struct ConvBN: Layer {
    var conv: Conv2D
    var norm = BatchNorm2D()
    init(_ filters: Int) {
        conv = Conv2D(filters, kernel: 3, padding: 1, bias: false)
    }
    func callAsFunction(_ x: Tensor) -> Tensor {
        relu(norm(conv(x)))
    }
}

struct ResidualBlock: Layer {
    var first: ConvBN
    var second: ConvBN
    init(_ filters: Int) {
        first = ConvBN(filters)
        second = ConvBN(filters)
    }
    func callAsFunction(_ x: Tensor) -> Tensor {
        relu(second(first(x)) + x)
    }
}

let custom = Sequential(input: [1, 32, 32]) {
    ConvBN(16)
    ResidualBlock(16)
    GlobalAvgPool2D()
    Flatten()
    Dense(10)
}
custom.summary()

// %% [markdown]
// The summary opens each block of yours: the layers its `callAsFunction` called, in the order it
// called them, with their parameters, mult-adds and receptive fields (the shortcut's `+ x`
// adds nothing to count).
//
// A block on its own is a layer too: call it on a batch, count its parameters, list them by
// their property paths (its layers take their input channels from the first call).

// %%
let block = ResidualBlock(16)
print(block(Tensor.zeros([1, 16, 32, 32])).shape, block.parameterCount)
print(block.parameters.map { $0.0 })

// %% [markdown]
// ## Checkpoints
// Weights are saved in the safetensors format (readable from Python with the `safetensors`
// package) and loaded back into a model of the same shape.

// %%
model.save("small-model.safetensors")
let copy = Sequential(input: [1, 32, 32]) {
    Conv2D(8, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
copy.load("small-model.safetensors")
print(copy.evaluate(data.test).accuracy == model.evaluate(data.test).accuracy)

// %% [markdown]
// Loading into a model of another shape is an error that says which tensor does not fit:

// %% tags=["raises-exception"]

LeNet5().load("small-model.safetensors")
