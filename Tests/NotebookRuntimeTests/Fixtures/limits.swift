convOutputSize(input: 3, filter: 7, padding: 9223372036854775807, stride: 4)
// error:
// ValueError: padding must be in 0...1048576, got 9223372036854775807
//  --> cell1:1:1
//   |
// 1 | convOutputSize(input: 3, filter: 7, padding: 9223372036854775807, stride: 4)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Conv2D(1, kernel: 3, inChannels: 4611686018427387904).parameterCount
// error:
// ValueError: inChannels must be in 1...1048576, got 4611686018427387904
//  --> cell2:1:1
//   |
// 1 | Conv2D(1, kernel: 3, inChannels: 4611686018427387904).parameterCount
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Conv2D(8, kernel: 3, stride: 0)
// error:
// ValueError: stride must be in 1...1048576, got 0
//  --> cell3:1:1
//   |
// 1 | Conv2D(8, kernel: 3, stride: 0)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Conv2D(8, kernel: 2048)
// error:
// ValueError: kernel must be in 1...1024, got 2048
//  --> cell4:1:1
//   |
// 1 | Conv2D(8, kernel: 2048)
//   | ^~~~~~~~~~~~~~~~~~~~~~~
// ---
MaxPool2D(2, padding: -1)
// error:
// ValueError: padding must be in 0...1048576, got -1
//  --> cell5:1:1
//   |
// 1 | MaxPool2D(2, padding: -1)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Upsample(scale: 4611686018427387904)
// error:
// ValueError: scale must be in 1...1024, got 4611686018427387904
//  --> cell6:1:1
//   |
// 1 | Upsample(scale: 4611686018427387904)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Dense(10, inputs: -3)
// error:
// ValueError: inputs must be in 1...1048576, got -3
//  --> cell7:1:1
//   |
// 1 | Dense(10, inputs: -3)
//   | ^~~~~~~~~~~~~~~~~~~~~
// ---
Tensor.zeros([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
// error:
// ValueError: shape must have at most 32 dimensions, got 33
//  --> cell8:1:1
//   |
// 1 | Tensor.zeros([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
Sequential(input: [1, 28, 28]) { Conv2D(4, kernel: 3) }.summary(depth: -1)
// error:
// ValueError: depth must be in 0...1000, got -1
//  --> cell9:1:1
//   |
// 1 | Sequential(input: [1, 28, 28]) { Conv2D(4, kernel: 3) }.summary(depth: -1)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
