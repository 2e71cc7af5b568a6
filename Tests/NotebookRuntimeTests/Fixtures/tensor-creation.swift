let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, -1])
print(m.shape, m.scalars)
// expect: [2, 3] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
// ---
m.array
// expect: [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
// ---
print(Double(m.sum()), Int(m.max(axis: 1)[1]), Float(Tensor([[2.5]])))
// expect: 21.0 6 2.5
// ---
Double(m)
// error:
// ValueError: Double(t) needs a tensor with one element, this one has shape [2, 3]
//  --> cell4:1:1
//   |
// 1 | Double(m)
//   | ^~~~~~~~~
//   = hint: reduce it first, e.g. Double(t.sum()), or read all values with t.scalars
// ---
print(Tensor.full([2, 2], 7).scalars, Tensor.zeros(like: m).shape, Tensor.ones(like: m).sum().item)
// expect: [7.0, 7.0, 7.0, 7.0] [2, 3] 6.0
// ---
print(Tensor.arange(5).scalars, Tensor.arange(1, 2, step: 0.25).scalars)
// expect: [0.0, 1.0, 2.0, 3.0, 4.0] [1.0, 1.25, 1.5, 1.75]
// ---
print(Tensor.linspace(0, 1, count: 5).scalars)
// expect: [0.0, 0.25, 0.5, 0.75, 1.0]
// ---
Tensor.eye(3).array
// expect: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
// ---
let a = Tensor.normal([1000], mean: 10, std: 2, seed: 7)
let b = Tensor.normal([1000], mean: 10, std: 2, seed: 7)
print(a == b, abs(a.mean().item - 10) < 0.2, abs(a.standardDeviation().item - 2) < 0.2)
// expect: true true true
// ---
let u = Tensor.uniform([1000], low: -1, high: 1, seed: 3)
print(u.min() >= -1, u.max() < 1, abs(u.mean().item) < 0.1)
// expect: true true true
// ---
let coin = Tensor.bernoulli([1000], p: 0.25, seed: 3)
print(coin.scalars.allSatisfy { $0 == 0 || $0 == 1 }, abs(coin.mean().item - 0.25) < 0.05)
// expect: true true
// ---
let dice = Tensor.integers([1000], low: 1, high: 7, seed: 3)
print(dice.min(), dice.max(), dice == Tensor.integers([1000], low: 1, high: 7, seed: 3))
// expect: 1.0 6.0 true
// ---
%seed 5
// ---
let first = Tensor.random([3])
// ---
%seed 5
// ---
let second = Tensor.random([3])
print(first == second, first == Tensor.random([3]), Tensor.random([3], seed: 9) == Tensor.random([3], seed: 9))
// expect: true false true
// ---
Tensor.integers([3], low: 5, high: 5)
// error:
// ValueError: Tensor.integers: low 5 must be below high 5
//  --> cell17:1:1
//   |
// 1 | Tensor.integers([3], low: 5, high: 5)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Tensor.eye(-1)
// error:
// ValueError: eye: 'n' must be in 0...65536, got -1
//  --> cell18:1:1
//   |
// 1 | Tensor.eye(-1)
//   | ^~~~~~~~~~~~~~
