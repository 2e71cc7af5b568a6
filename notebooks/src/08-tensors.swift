// %% [markdown]
// # 8. Tensors
//
// Every model in these notebooks computes with **tensors**: arrays of numbers with any number of
// axes. This notebook walks the first chapter of a NumPy or PyTorch tutorial in Stride: making
// tensors, indexing and slicing, reducing along an axis, broadcasting, masks, gradients of a small
// function, and an image of your own.

// %% [markdown]
// ## Making tensors
// From nested arrays (every row the same length), or with a constructor. Random tensors take a
// `seed:`, so the numbers are the same every time the notebook runs.

// %%
let m = Tensor([[1, 2, 3], [4, 5, 6]])
print(m.shape, m.rank, m.count)
m

// %%
print(Tensor.zeros([2, 3]).array)
print(Tensor.arange(0, 1, step: 0.25).scalars)
print(Tensor.linspace(0, 1, count: 5).scalars)
Tensor.normal([2, 3], mean: 10, std: 2, seed: 1)

// %% [markdown]
// `reshaped` keeps the values and changes the shape; one size may be `-1`, computed from the others.

// %%
let r = Tensor.arange(12).reshaped([3, -1])
r

// %% [markdown]
// ## Indexing and slicing
// An Int picks one position and drops that axis; a range keeps the axis; `...` takes the whole
// axis; a list of positions (such as `stride(from:to:by:)`) picks those, in that order.

// %%
print(r[1].scalars, r[..., 0].scalars, r[0..<2, 1..<3].array)
print(r[..., stride(from: 0, to: 4, by: 2)].array, r[[2, 0]].array)

// %% [markdown]
// Assigning to a subscript replaces those elements.

// %%
var grid = Tensor.zeros([3, 4])
grid[0, 1..<3] = Tensor([7, 8])
grid[..., 3] = 1
grid

// %% [markdown]
// ## Reducing along an axis
// `axis: 0` reduces down the columns (one result per column), `axis: 1` along the rows (one per
// row); `keepDims: true` keeps the reduced axis with size 1.

// %%
print(m.sum(), m.sum(axis: 0).scalars, m.sum(axis: 1).scalars)
print(m.mean(axis: 1, keepDims: true).shape, m.max(axis: 0).scalars, m.argmax(axis: 1).scalars)
m.describe()

// %% [markdown]
// ## Broadcasting
// Shapes are aligned from the last axis; sizes must be equal or 1, and a size-1 axis is repeated.
// Subtracting each row's mean from it: `[2, 3] − [2, 1]`.

// %%
let centred = m - m.mean(axis: 1, keepDims: true)
centred

// %% [markdown]
// A mismatch names both shapes and the axis that fails.

// %% tags=["raises-exception"]
m + Tensor([1, 2])

// %% [markdown]
// ## Masks
// A pointwise comparison gives a Bool tensor. It selects elements, assigns to them, or picks
// between two tensors.

// %%
var t = Tensor([[-2, 4], [3, -1]])
print(t .< 0, t[t .< 0].scalars, Tensor.where(t .> 0, t, 0).array)
t[t .< 0] = 0
print(t.array, (t .> 0).sum().item)

// %% [markdown]
// ## Gradients of a small function
// For f(x) = Σ x² the gradient is 2x. `gradient(at:)` computes it by reverse-mode automatic
// differentiation, as Swift for TensorFlow spelled it; `backward()` does the same for a tensor
// created with `requiresGrad: true`.

// %%
let x = Tensor([1, -2, 3])
print(gradient(at: x) { x in (x * x).sum() }.scalars)
let w = Tensor([0.5, -1], requiresGrad: true)
let loss = (w.sigmoid() * Tensor([2, 4])).sum()
loss.backward()
print(loss.item, w.grad!.scalars)

// %% [markdown]
// ## An image of your own
// `Tensor(imageFile:size:)` reads a PNG or JPEG file into a `[C, H, W]` tensor of values in 0...1,
// resized to `size`. To have a file here we draw one (a ring, red fading to blue) and save it;
// put your own photo's path instead.

// %%
let ys = Tensor.linspace(-1, 1, count: 48).reshaped([48, 1])
let xs = Tensor.linspace(-1, 1, count: 48).reshaped([1, 48])
let radius = sqrt(ys * ys + xs * xs)
let ring = Tensor(abs(radius - 0.6) .< 0.2)
let picture = stack([ring * (xs + 1) / 2, ring * 0.2, ring * (1 - xs) / 2])
picture.savePNG("my-image.png")
let image = Tensor(imageFile: "my-image.png", size: 32)
print(image.shape, image.max(), image[1].mean().item)
image

// %% [markdown]
// A heatmap shows the values of one channel, with a colour bar.

// %%
image[0, stride(from: 0, to: 32, by: 2), stride(from: 0, to: 32, by: 2)].heatmap(title: "red channel, every other pixel")

// %% [markdown]
// Convolution with a vertical-edge (Sobel) filter finds the ring's left and right borders.

// %%
let gray = Tensor(imageFile: "my-image.png", size: 32, channels: 1)
let edges = abs(conv2d(gray, Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), padding: 1))
edges
