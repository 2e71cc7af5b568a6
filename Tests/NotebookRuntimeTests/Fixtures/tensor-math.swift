let x = Tensor([[-2, -0.5, 0], [0.5, 1.5, 3]])
print((1 - x).scalars, (x / 2).scalars, (6 / Tensor([1, 2, 3])).scalars)
// expect: [3.0, 1.5, 1.0, 0.5, -0.5, -2.0] [-1.0, -0.25, 0.0, 0.25, 0.75, 1.5] [6.0, 3.0, 2.0]
// ---
print(pow(x, 2).scalars, x.pow(Tensor([1, 2, 3])).scalars, pow(2, Tensor([1, 2, 3])).scalars, pow(2, 3))
// expect: [4.0, 0.25, 0.0, 0.25, 2.25, 9.0] [-2.0, 0.25, 0.0, 0.5, 2.25, 27.0] [2.0, 4.0, 8.0] 8.0
// ---
print(x.abs().scalars, x.sign().scalars, sign(Tensor([-3, 0, 2])).scalars)
// expect: [2.0, 0.5, 0.0, 0.5, 1.5, 3.0] [-1.0, -1.0, 0.0, 1.0, 1.0, 1.0] [-1.0, 0.0, 1.0]
// ---
print(x.floor().scalars, ceil(x).scalars, x.rounded().scalars, round(2.5), floor(2.7))
// expect: [-2.0, -1.0, 0.0, 0.0, 1.0, 3.0] [-2.0, -0.0, 0.0, 1.0, 2.0, 3.0] [-2.0, -1.0, 0.0, 1.0, 2.0, 3.0] 3.0 2.0
// ---
print(x.clamped(min: -1, max: 1).scalars, x.clamped(min: 0).scalars)
// expect: [-1.0, -0.5, 0.0, 0.5, 1.0, 1.0] [0.0, 0.0, 0.0, 0.5, 1.5, 3.0]
// ---
print(sin(Tensor([0])).scalars, cos(Tensor([0])).scalars, Tensor([0]).sigmoid().scalars, sigmoid(Tensor([0])).scalars, relu(x).scalars)
// expect: [0.0] [1.0] [0.5] [0.5] [0.0, 0.0, 0.0, 0.5, 1.5, 3.0]
// ---
print(x.leakyRelu(slope: 0.1).scalars, Tensor([0]).gelu().scalars, Tensor([0]).tanh().scalars)
// expect: [-0.2, -0.05, 0.0, 0.5, 1.5, 3.0] [0.0] [0.0]
// ---
let logits = Tensor([[1, 1, 1, 1], [0, 0, 0, log(2)]])
print(logits.softmax().array, logits.softmax(axis: 0).sum(axis: 0).scalars)
// expect: [[0.25, 0.25, 0.25, 0.25], [0.2, 0.2, 0.2, 0.4]] [1.0, 1.0, 1.0, 1.0]
// ---
print(exp(logits.logSoftmax(axis: 1)).sum(axis: 1).scalars.map { ($0 * 1e5).rounded() / 1e5 })
// expect: [1.0, 1.0]
// ---
let a = Tensor([1, 5, 3])
let b = Tensor([2, 5, 1])
print(a .< b, a .== b, a .!= b, a .<= 3, 3 .>= a, a .> b)
// expect: [true, false, false] [false, true, false] [true, false, true] [true, false, true] [true, false, true] [false, false, true]
// ---
print(a == b, a == Tensor([1, 5, 3]))
// expect: false true
// ---
print(Tensor.where(a .> 2, a, 0).scalars, Tensor.where(a .> b, a, b).scalars, Tensor.where(x .< 0, 0, x).scalars)
// expect: [0.0, 5.0, 3.0] [2.0, 5.0, 3.0] [0.0, 0.0, 0.0, 0.5, 1.5, 3.0]
// ---
print(x[x .< 0].scalars, a[Tensor([2, 0])].scalars, Tensor(a .> 2).scalars)
// expect: [-2.0, -0.5] [3.0, 1.0] [0.0, 1.0, 1.0]
// ---
var t = Tensor([[-2, 4], [3, -1]])
t[t .< 0] = 0
t.array
// expect: [[0.0, 4.0], [3.0, 0.0]]
// ---
let p = Tensor([1, 2, 3], requiresGrad: true)
let q = Tensor.where(p .> 1.5, p * p, p)
q.sum().backward()
p.grad!.scalars
// expect: [1.0, 4.0, 6.0]
// ---
let q2 = Tensor([0.5, 2], requiresGrad: true)
(sin(q2) + q2.clamped(max: 1)).sum().backward()
q2.grad!.scalars.map { ($0 * 1000).rounded() / 1000 }
// expect: [1.878, -0.416]
// ---
Tensor([[1, 2, 3, 4], [5, 6, 7, 8]]).describe()
// expect: Tensor [2, 4]
// expect: count  8
// expect: mean   4.5
// expect: std    2.4495
// expect: min    1
// expect: max    8
// ---
(a .> 2) + 1
// error:
// TypeError: the operator + needs numbers, but this is a Bool tensor (the result of a comparison such as .<)
//  --> cell18:1:1
//   |
// 1 | (a .> 2) + 1
//   | ^~~~~~~~~~~~
//   = hint: use it as a mask (t[mask], Tensor.where(mask, a, b)) or convert it with Tensor(mask) to 0 and 1
// ---
Tensor([[1, 2, 3], [4, 5, 6]]) + Tensor([1, 2])
// error:
// ShapeError: shape mismatch: cannot broadcast [2, 3] with [2]: axis -1 has sizes 3 and 2 (shapes align from the last axis; sizes must be equal or one of them 1)
//  --> cell19:1:1
//   |
// 1 | Tensor([[1, 2, 3], [4, 5, 6]]) + Tensor([1, 2])
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: check the shapes with `.shape`
// ---
a.clamped(mn: 0)
// error:
// TypeError: Tensor.clamped has no argument label 'mn:'
//  --> cell20:1:1
//   |
// 1 | a.clamped(mn: 0)
//   | ^~~~~~~~~~~~~~~~
//   = hint: did you mean 'min:'? the signature is Tensor.clamped(min: Double?, max: Double?)
// ---
let m = Tensor([[1, 2], [3, 4]]), v = Tensor([1, -1])
print((m • m).array, (m • Tensor([[1], [0]])).array, (m • m + m).array, dot(v, Tensor([3, 4])).scalars, outer(v, Tensor([1, 2, 3])).array)
// expect: [[7.0, 10.0], [15.0, 22.0]] [[1.0], [3.0]] [[8.0, 12.0], [18.0, 26.0]] [-1.0] [[1.0, 2.0, 3.0], [-1.0, -2.0, -3.0]]
// ---
dot(m, v)
// error:
// ShapeError: dot: 'a' must be a vector [n], got shape [2, 2]
//  --> cell22:1:1
//   |
// 1 | dot(m, v)
//   | ^~~~~~~~~
//   = hint: for matrices use matmul(a, b) or a • b; flatten first with .flattened()
// ---
m • 2
// error:
// TypeError: • is the matrix product of two tensors, not of a Tensor and Int
//  --> cell23:1:1
//   |
// 1 | m • 2
//   | ^~~~~
//   = hint: to scale a tensor by a number use *
