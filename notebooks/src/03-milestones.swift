// %% [markdown]
// # 3. Milestones: AlexNet, VGG-16, U-Net, ResNet
//
// Four networks that changed the field, as the model zoo builds them. For each: the summary
// (parameters, mult-adds, shapes) against the published figures, and a drawing of the architecture.

// %% [markdown]
// ## AlexNet (Krizhevsky, Sutskever and Hinton, 2012)
// Five convolutional layers and three dense layers; about 61 million parameters (torchvision's
// single-GPU version: 61,100,840).

// %%
let alexnet = AlexNet()
alexnet.summary(input: [3, 224, 224])

// %%
assert(alexnet.parameterCount == 61_100_840, "AlexNet has 61,100,840 parameters in torchvision")
alexnet.diagram(input: [3, 224, 224])

// %% [markdown]
// ## The lecture's AlexNet slide, checked
// The slides list each layer's sizes. Typing them in as written lets the shape checker test the
// arithmetic. First layer: a 224x224 input, an 11x11 filter, stride 4, no padding, "55x55x96".

// %%
convOutputSize(input: 224, filter: 11, padding: 0, stride: 4)

// %% [markdown]
// (224 − 11)/4 + 1 = 54.25: the stride does not divide evenly, and the output is 54, not 55.
// The original paper's figure has the same slip; 55 needs a 227x227 input (or padding 2, as
// torchvision uses). Next, the slide's second convolution: 27x27x96 in, padding 2, a 5x5 filter,
// stride 2, "27x27x256" out.

// %%
convOutputSize(input: 27, filter: 5, padding: 2, stride: 2)

// %% [markdown]
// With stride 2 the output would be 14x14; only stride 1 keeps 27x27. Finally, the slide gives
// the fifth convolution 384 filters, yet the pooling that follows takes 13x13x256 and the first
// dense layer expects 6x6x256 = 9216 inputs. Built as the slide says, the network does not fit
// together, and the shape checker names the layer:

// %% tags=["raises-exception"]
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
    Dense(4096, activation: .relu)
    Dense(1000)
}

// %% [markdown]
// Built without an input shape, the same layers can still be drawn for one: the diagram goes as
// far as the shapes fit and marks the layer where they stop in red, with the checker's message.

// %%
Sequential {
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
    Dense(4096, activation: .relu)
    Dense(1000)
}.diagram(input: [3, 227, 227])

// %% [markdown]
// With 256 filters in the fifth convolution (as in the paper), it fits:

// %%
let fixed = Sequential(input: [3, 227, 227]) {
    Conv2D(96, kernel: 11, stride: 4, activation: .relu)
    MaxPool2D(3, stride: 2)
    Conv2D(256, kernel: 5, padding: 2, activation: .relu)
    MaxPool2D(3, stride: 2)
    Conv2D(384, kernel: 3, padding: 1, activation: .relu)
    Conv2D(384, kernel: 3, padding: 1, activation: .relu)
    Conv2D(256, kernel: 3, padding: 1, activation: .relu)
    MaxPool2D(3, stride: 2)
    Flatten()
    Dense(4096, inputs: 9216, activation: .relu)
    Dense(4096, activation: .relu)
    Dense(1000)
}
fixed.parameterCount

// %% [markdown]
// ## VGG-16 (Simonyan and Zisserman, 2014)
// Only 3x3 convolutions, stacked: 13 convolutional and 3 dense layers, 138,357,544 parameters.

// %%
let vgg = VGG16()
vgg.summary()

// %%
assert(vgg.parameterCount == 138_357_544, "VGG-16 has 138,357,544 parameters")
vgg.diagram()

// %% [markdown]
// ## U-Net (Ronneberger et al., 2015)
// An encoder that halves the resolution four times, a decoder that doubles it back, and skip
// connections that hand each decoder stage the encoder's features at the same scale. The original
// uses valid (unpadded) convolutions, so a 572x572 input gives a 388x388 segmentation map.

// %%
let unet = UNet(inChannels: 1, classes: 2)
unet.summary(input: [1, 572, 572], depth: 2)

// %%
unet.diagram(input: [1, 572, 572])

// %% [markdown]
// ## ResNet-34 (He et al., 2016)
// Residual blocks: each pair of 3x3 convolutions learns a correction added to its input, so very
// deep networks still train. 21,797,672 parameters.

// %%
let resnet34 = ResNet34()
resnet34.summary(depth: 2)

// %% [markdown]
// The diagram collapses each stage of identical blocks into one stack ("3 × BasicBlock"), its
// shortcut drawn over it (a strided 1x1 convolution where the shape changes).

// %%
assert(resnet34.parameterCount == 21_797_672, "ResNet-34 has 21,797,672 parameters")
resnet34.diagram()

// %% [markdown]
// `diagram(depth: 2)` draws every block of ResNet-18 with its own shortcut; `depth: 3` opens the
// blocks into their convolutions.

// %%
ResNet18().diagram(depth: 2)

// %% [markdown]
// ## Side by side

// %%
for (name, model) in [("AlexNet", alexnet), ("VGG-16", vgg), ("ResNet-34", resnet34)] {
    print("\(name): \(model.parameterCount) parameters, \(model.multAdds(input: [3, 224, 224])) mult-adds per image")
}
