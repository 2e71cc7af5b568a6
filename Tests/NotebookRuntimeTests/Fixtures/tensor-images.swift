let gray = Tensor([[[0, 0.5], [1, 0.25]]])
gray.savePNG("/tmp/stride-fixture-gray.png")
let back = Tensor(imageFile: "/tmp/stride-fixture-gray.png")
print(back.shape, back.scalars.map { ($0 * 255).rounded() })
// expect: [1, 2, 2] [0.0, 128.0, 255.0, 64.0]
// ---
let grown = Tensor(imageFile: "/tmp/stride-fixture-gray.png", size: [2, 4])
print(grown.shape, grown[0, 0].scalars.map { ($0 * 1000).rounded() })
// expect: [1, 2, 4] [0.0, 125.0, 376.0, 502.0]
// ---
let rgb = Tensor([[[1, 0]], [[0, 1]], [[0, 0]]])
rgb.savePNG("/tmp/stride-fixture-rgb.png")
let luma = Tensor(imageFile: "/tmp/stride-fixture-rgb.png", channels: 1)
let rgba = Tensor(imageFile: "/tmp/stride-fixture-rgb.png", size: 3, channels: 4)
print(luma.scalars, rgba.shape, rgba[3].scalars)
// expect: [0.299, 0.587] [4, 3, 3] [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
// ---
Tensor(imageFile: "/tmp/stride-no-such-image.png")
// error:
// FileNotFoundError: no image file at /tmp/stride-no-such-image.png
//  --> cell4:1:1
//   |
// 1 | Tensor(imageFile: "/tmp/stride-no-such-image.png")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: check the path; the image must be a PNG or JPEG file
// ---
Tensor.zeros([2, 4, 4]).savePNG("/tmp/x.png")
// error:
// ShapeError: savePNG needs an image [H, W] or [C, H, W] with C 1, 3 or 4, got shape [2, 4, 4]
//  --> cell5:1:1
//   |
// 1 | Tensor.zeros([2, 4, 4]).savePNG("/tmp/x.png")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Tensor(imageFile: "/tmp/stride-fixture-gray.png", size: 0)
// error:
// ValueError: size must be in 1...1048576, got 0
//  --> cell6:1:1
//   |
// 1 | Tensor(imageFile: "/tmp/stride-fixture-gray.png", size: 0)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
