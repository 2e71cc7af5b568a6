// %% [markdown]
// # 1. Convolution arithmetic
//
// A convolutional layer slides a small filter over its input. Two ideas make it cheap and
// powerful: **sparse connections** (each output looks at a small neighbourhood) and **parameter
// sharing** (the same filter is used at every position). This notebook measures both, then works
// through the output-size formula, pooling, and what filters do to a real image.

// %% [markdown]
// ## A neuron over a whole image, against one 3x3 filter
// A fully connected neuron that sees a 256x256 grey image has one weight per pixel plus a bias.

// %%
Dense(1, inputs: 256 * 256).parameterCount

// %% [markdown]
// A 3x3 convolutional filter has 9 weights and a bias, whatever the size of the image it slides over.

// %%
Conv2D(1, kernel: 3, inChannels: 1).parameterCount

// %%
let ratio = Double(Dense(1, inputs: 256 * 256).parameterCount) / Double(Conv2D(1, kernel: 3, inChannels: 1).parameterCount)
print("the dense neuron needs \(ratio) times as many parameters")

// %% [markdown]
// ## The output-size formula
// For an N x N input, an F x F filter, padding P and stride S, the output is M x M with
//
// $$M = \frac{N - F + 2P}{S} + 1$$
//
// LeNet's first layer: a 32x32 input and a 5x5 filter, no padding, stride 1.

// %%
convOutputSize(input: 32, filter: 5, padding: 0, stride: 1)

// %% [markdown]
// The lecture's small example: a 5x5 input with padding 1 and a 3x3 filter keeps the size.

// %%
convOutputSize(input: 5, filter: 3, padding: 1, stride: 1)

// %% [markdown]
// When the stride does not divide evenly, the output size is floored: the last columns are never
// visited. Stride checks say so.

// %%
convOutputSize(input: 224, filter: 11, padding: 0, stride: 4)

// %% [markdown]
// Try it: move the sliders (in JupyterLab, with the kernel running) to see the kernel window on the
// padded input, the output grid and the formula with your numbers; the warning turns red when
// (W − F + 2P)/S is not a whole number.

// %%
convolutionExplorer(input: 7, kernel: 3, padding: 1, stride: 2)

// %% [markdown]
// ## Pooling: the lecture's 4x4 example
// Pooling summarises each 2x2 window: average pooling takes the mean, max pooling the largest value.

// %%
let x = Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]])
avgPool2D(x, size: 2, stride: 2)

// %%
maxPool2D(x, size: 2, stride: 2)

// %%
assert(maxPool2D(x, size: 2, stride: 2) == Tensor([[7, 7], [6, 8]]), "max pooling keeps the largest value of each window")
print("checked")

// %% [markdown]
// The same example step by step: press play (or drag "step") to walk the window over the input
// and watch both outputs fill in; change the window K and the stride S.

// %%
poolingExplorer(x, size: 2, stride: 2)

// %% [markdown]
// ## Two 3x3 convolutions against one 5x5
// Two stacked 3x3 convolutions see a 5x5 neighbourhood, the same receptive field as one 5x5
// filter, with fewer parameters (one input and one output channel): 2 x (3x3 + 1) = 20 against
// 5x5 + 1 = 26. The summary's receptive-field column shows it.

// %%
let twoSmall = Sequential(input: [1, 32, 32]) {
    Conv2D(1, kernel: 3)
    Conv2D(1, kernel: 3)
}
twoSmall.summary()

// %%
let oneLarge = Sequential(input: [1, 32, 32]) {
    Conv2D(1, kernel: 5)
}
oneLarge.summary()

// %%
print("two 3x3: \(twoSmall.parameterCount) parameters, one 5x5: \(oneLarge.parameterCount) parameters")

// %% [markdown]
// ## Filters on a real image
// An item of Fashion-MNIST (the real data set, read from its IDX files), and two hand-made edge
// detectors (Sobel filters). Convolving with them lights up vertical and horizontal edges.

// %%
let data = FashionMNIST()
let item = data.test[0]
print("label: \(item.label) (\(data.classNames[item.label]))")
item.image

// %%
let sobelX = Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
let sobelY = sobelX.transposed()
let edgesX = conv2d(item.image, sobelX, padding: 1)
let edgesY = conv2d(item.image, sobelY, padding: 1)
imageGrid([item.image, edgesX, edgesY, abs(edgesX) + abs(edgesY)],
          titles: ["input", "vertical edges", "horizontal edges", "both"])
