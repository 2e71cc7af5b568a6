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
// ## After training
// Do the early layers catch up once training starts? Train both networks the same way for one
// epoch on 2,000 images, then measure the gradients again on the same batch.

// %%
let warmup = compare([plain, res], names: ["plain-20 (sigmoid)", "resnet-20"],
                     on: data.train.prefix(2000), epochs: 1, batchSize: 64, seed: 1)
print(warmup)

// %%
gradientNorms(plain, on: batch).plot()

// %%
gradientNorms(res, on: batch).plot()

// %% [markdown]
// One epoch changes both pictures, but not equally. The ResNet has started to learn (training
// accuracy 40% over the epoch, loss 1.69), and its gradient at `conv1` is still more than a
// quarter of `fc`'s. The sigmoid plain net's early gradients have grown (`conv1` from 0.017 to
// 0.13, now a third of `fc`'s), yet it has barely left its random start: its loss is still near
// chance (2.26; guessing uniformly among ten classes gives ln 10 ≈ 2.30) and its accuracy 14%. The
// vanishing gradient cost it the first steps of training, where the ResNet learned most.

// %% [markdown]
// ## Exploding gradients
// The opposite failure: when each layer multiplies the signal by more than one, gradients grow
// layer after layer. Initialising a plain tanh network with weights four times too large shows it.

// %%
let exploding = PlainNet(depth: 20, activation: .tanh, batchNorm: false, weightScale: 4.0)
gradientNorms(exploding, on: batch).plot()

// %% [markdown]
// ## The He et al. experiment, small
// He et al. (2016, Figures 1 and 6) trained plain networks and ResNets of several depths on
// CIFAR-10 and plotted their training error: the deeper *plain* net's error stays above the
// shallower one's from start to end, although it could in principle copy the shallower net and
// set its extra layers to the identity. The deeper *ResNet*'s error stays below.
//
// They trained 20- to 110-layer networks on 50,000 images for 64,000 steps on GPUs. To run in
// under four minutes on two CPU cores, this experiment is scaled down: 8 and 44 layers
// (depth 20 against 8 shows no clear gap at this scale), half the width (`baseWidth: 8`: 8, 16 and
// 32 filters instead of 16, 32 and 64), and 2,000 Fashion-MNIST images for 10 epochs (320 steps of
// 64). Each point of the curves is the training error of one step, averaged over the last 20
// steps. Plain nets are dashed.

// %%
let subset = data.train.prefix(2000)
let runs = compare([PlainNet(depth: 8, baseWidth: 8), PlainNet(depth: 44, baseWidth: 8),
                    ResNet(depth: 8, baseWidth: 8), ResNet(depth: 44, baseWidth: 8)],
                   names: ["plain-8", "plain-44", "resnet-8", "resnet-44"],
                   on: subset, epochs: 10, batchSize: 64, seed: 1)
runs.plotTrainingError(window: 20)

// %% [markdown]
// How often is the deeper net's smoothed error above the shallower one's? Counted over every step
// after the first 20 (before that the average covers too few steps):

// %%
var curves: [String: [Double]] = [:]
for (name, history) in runs.histories {
    curves[name] = history.trainingError(window: 20)
}
func shareAbove(_ deeper: [Double], _ shallower: [Double]) -> String {
    var above = 0
    for step in 20..<deeper.count where deeper[step] > shallower[step] { above += 1 }
    return String(format: "%.0f%%", 100 * Double(above) / Double(deeper.count - 20))
}
print("plain-44 above plain-8 at \(shareAbove(curves["plain-44"]!, curves["plain-8"]!)) of the steps")
print("resnet-44 above resnet-8 at \(shareAbove(curves["resnet-44"]!, curves["resnet-8"]!)) of the steps")

// %% [markdown]
// The 44-layer plain net's error stays above the 8-layer one's at every step counted, from the
// first epoch to the last (27% against 20% at the end), although it has every kind of layer the
// shallow net has. The 44-layer ResNet's error stays below the 8-layer ResNet's at every step
// counted, ending near 18% against 21%. Depth helps only when the gradient can reach the early
// layers, and the shortcuts are what let it.
