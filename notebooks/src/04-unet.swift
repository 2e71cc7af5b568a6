// %% [markdown]
// # 4. U-Net on synthetic shapes
//
// Segmentation labels every pixel. A small U-Net (padded convolutions, two levels, 16 base
// filters) learns to separate shapes from a noisy background. The data set is synthetic and
// seeded: the same seed draws the same shapes.

// %%
%seed 7
let shapes = SyntheticShapes(count: 600, size: 48, seed: 7)
let split = shapes.split(trainFraction: 0.8, seed: 7)
split.train.count

// %%
imageGrid([shapes[0].image, shapes[0].mask, shapes[1].image, shapes[1].mask],
          titles: ["image", "mask", "image", "mask"])

// %%
let net = UNet(inChannels: 1, classes: 2, baseWidth: 8, depth: 2, padding: .same)
net.summary(input: [1, 48, 48])

// %%
let unetHistory = net.fit(split.train, epochs: 6, batchSize: 16,
                          optimizer: Adam(learningRate: 3e-3),
                          loss: .crossEntropy, validation: split.test,
                          metrics: [.iou], seed: 7)

// %%
unetHistory.plot()

// %%
let result = net.evaluate(split.test, metrics: [.iou])
print("validation IoU: \(result.iou)")

// %% [markdown]
// Predictions beside inputs and true masks:

// %%
let samples = [split.test[0], split.test[1], split.test[2]]
var panels: [Tensor] = []
for sample in samples {
    panels.append(sample.image)
    panels.append(sample.mask)
    panels.append(net.predictMask(sample.image))
}
imageGrid(panels, columns: 3, titles: ["input", "true mask", "predicted"])
