// %% [markdown]
// # 5. Depth: vanishing gradients and the residual fix
//
// Deeper networks should see more, yet plain deep networks train worse. The chain rule is the
// reason: the gradient that reaches an early layer is a product of one factor per layer above it.
// A sigmoid's slope is at most 0.25, so twenty such factors shrink the gradient towards zero.

// %%
%seed 1
let data = FashionMNIST(padding: 2)
let batch = data.train.batch(128)
let plain = PlainNet(depth: 20, activation: .sigmoid)
gradientNorms(plain, on: batch).plot()

// %% [markdown]
// The gradient norm falls by more than an order of magnitude from the last layer to the first
// (compare `fc` with `conv1`): the early layers barely learn. A residual network of the same depth passes the gradient through its
// identity shortcuts:

// %%
let res = ResNet(depth: 20)
gradientNorms(res, on: batch).plot()

// %% [markdown]
// ## Exploding gradients
// The opposite failure: when each layer multiplies the signal by more than one, gradients grow
// layer after layer. Initialising a plain tanh network with weights four times too large shows it.

// %%
let exploding = PlainNet(depth: 20, activation: .tanh, batchNorm: false, weightScale: 4.0)
gradientNorms(exploding, on: batch).plot()

// %% [markdown]
// ## The He et al. experiment, small
// Plain networks and residual networks at two depths (8 and 20 layers), trained on the same
// subset of Fashion-MNIST with the same seed. He et al. found on CIFAR-10 that the deeper plain net
// trains *worse* than the shallower one, while the deeper ResNet trains better.

// %%
let subset = data.train.prefix(3000)
let runs = compare([PlainNet(depth: 8), PlainNet(depth: 20), ResNet(depth: 8), ResNet(depth: 20)],
                   names: ["plain-8", "plain-20", "resnet-8", "resnet-20"],
                   on: subset, epochs: 2, batchSize: 64, seed: 1)
runs

// %%
for (name, history) in runs.histories {
    print("\(name): final training loss \(history.finalLoss)")
}

// %% [markdown]
// The same pattern at this small scale: the 20-layer plain net ends with a *higher* training loss
// than the 8-layer one, while the 20-layer ResNet ends lower than the 8-layer ResNet. Depth helps
// only when the gradient can reach the early layers.
