%seed 5
let r1 = Tensor.random([4])
%seed 5
let r2 = Tensor.random([4])
print(r1 == r2)
// expect: true
// ---
let r3 = Tensor.random([4])
print(r3 == r1)
// expect: false
// ---
%threads 1
// expect: threads: 1
// ---
%seed banana
// error:
// ValueError: %seed expects a whole number ≥ 0, got 'banana'
//  --> cell4:1:1
//   |
// 1 | %seed banana
//   | ^~~~~~~~~~~~
//   = hint: write %seed 42
