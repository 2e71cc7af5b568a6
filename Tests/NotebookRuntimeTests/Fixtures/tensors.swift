let x = Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]])
x.shape
// expect: [4, 4]
// ---
let shown = avgPool2D(x, size: 2, stride: 2)
print(shown.shape, shown.scalars)
// expect: [2, 2] [4.5, 4.75, 4.0, 5.0]
// ---
let shown = maxPool2D(x, size: 2, stride: 2)
print(shown.shape, shown.scalars)
// expect: [2, 2] [7.0, 7.0, 6.0, 8.0]
// ---
print(maxPool2D(x, size: 2, stride: 2) == Tensor([[7, 7], [6, 8]]))
print(x == Tensor([[1, 2], [3, 4]]))
// expect: true
// expect: false
// ---
let a = Tensor([[1, 2, 3], [4, 5, 6]])
let b = Tensor([10, 20, 30])
let shown = a + b
print(shown.shape, shown.scalars)
// expect: [2, 3] [11.0, 22.0, 33.0, 14.0, 25.0, 36.0]
// ---
let shown = 2 * a - 1
print(shown.shape, shown.scalars)
// expect: [2, 3] [1.0, 3.0, 5.0, 7.0, 9.0, 11.0]
// ---
(a * a).sum().item
// expect: 91.0
// ---
a.transposed().shape
// expect: [3, 2]
// ---
let shown = matmul(a, a.transposed())
print(shown.shape, shown.scalars)
// expect: [2, 2] [14.0, 32.0, 32.0, 77.0]
// ---
a[1]
// expect: [4, 5, 6]
// ---
a[0, 1..<3]
// expect: [2, 3]
// ---
a[..., 2]
// expect: [3, 6]
// ---
a.reshaped([3, 2]).shape
// expect: [3, 2]
// ---
abs(Tensor([-1.5, 2]))
// expect: [1.5,  2.]
// ---
let t = Tensor([3.0], requiresGrad: true)
let u = Tensor([1.0], requiresGrad: true)
let y = (2 * t + u) * (2 * t + u)
y.backward()
print("dy/dt = \(t.grad!.item), dy/du = \(u.grad!.item)")
// expect: dy/dt = 28.0, dy/du = 14.0
// ---
let image = Tensor([[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]])
let shown = conv2d(image, Tensor([[1, 1], [1, 1]]))
print(shown.shape, shown.scalars)
// expect: [1, 3, 3] [1.0, 2.0, 1.0, 2.0, 4.0, 2.0, 1.0, 2.0, 1.0]
// ---
conv2d(image, Tensor([[1, 0, -1], [1, 0, -1], [1, 0, -1]]), padding: 1).shape
// expect: [1, 4, 4]
// ---
a + Tensor([1, 2])
// error:
// ShapeError: shape mismatch: cannot broadcast [2, 3] with [2]: axis -1 has sizes 3 and 2 (shapes align from the last axis; sizes must be equal or one of them 1)
//  --> cell18:1:1
//   |
// 1 | a + Tensor([1, 2])
//   | ^~~~~~~~~~~~~~~~~~
//   = hint: check the shapes with `.shape`
// ---
Tensor([[1, 2], [3]])
// error:
// ShapeError: Tensor: the rows have different lengths (a tensor needs a rectangular array)
//  --> cell19:1:1
//   |
// 1 | Tensor([[1, 2], [3]])
//   | ^~~~~~~~~~~~~~~~~~~~~
// ---
a.item
// error:
// ValueError: item needs a tensor with one element, this one has shape [2, 3]
//  --> cell20:1:3
//   |
// 1 | a.item
//   |   ^~~~
//   = hint: reduce it first, e.g. t.sum().item or t.mean().item
// ---
a[5]
// error:
// IndexError: index 5 is out of range for axis 0 of size 2 (shape [2, 3])
//  --> cell21:1:1
//   |
// 1 | a[5]
//   | ^~~~
