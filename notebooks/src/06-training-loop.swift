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
// Any function that builds layers can be a block of your own. Here, a "conv-bn-relu" unit used
// twice inside a residual block.

// %%
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
custom.summary()

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
