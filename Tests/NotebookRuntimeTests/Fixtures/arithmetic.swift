convOutputSize(input: 32, filter: 5, padding: 0, stride: 1)
// expect: W' = (32 − 5 + 2×0)/1 + 1 = 28
// ---
convOutputSize(input: 5, filter: 3, padding: 1, stride: 1)
// expect: W' = (5 − 3 + 2×1)/1 + 1 = 5
// ---
convOutputSize(input: 224, filter: 11, padding: 0, stride: 4)
// expect: W' = (224 − 11 + 2×0)/4 + 1 = 54.25 → 54: the stride does not divide evenly; the last column is never visited
// ---
convOutputSize(input: 32, filter: 5, padding: 0, stride: 1) == 28
// expect: true
// ---
let answer = (64 - 7 + 2 * 3) / 2 + 1
print(answer == convOutputSize(input: 64, filter: 7, padding: 3, stride: 2).value)
// expect: true
// ---
convOutputSize(input: 3, filter: 5)
// error:
// ShapeError: a 5x5 filter does not fit in a 3x3 input with padding 0
//  --> cell6:1:1
//   |
// 1 | convOutputSize(input: 3, filter: 5)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: the padded input W + 2P = 3 must be at least F = 5
