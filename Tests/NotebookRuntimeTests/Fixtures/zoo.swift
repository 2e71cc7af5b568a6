AlexNet().parameterCount
// expect: 61100840
// ---
VGG16().parameterCount
// expect: 138357544
// ---
ResNet34().parameterCount
// expect: 21797672
// ---
LeNet5().parameterCount
// expect: 61706
// ---
UNet(inChannels: 1, classes: 2).summary(input: [1, 572, 572]).outputShape
// expect: [2, 388, 388]
// ---
UNet(inChannels: 1, classes: 2, baseWidth: 8, depth: 2, padding: .same).summary(input: [1, 48, 48]).outputShape
// expect: [2, 48, 48]
// ---
ResNet(depth: 56, inChannels: 3, classes: 10).parameterCount
// expect: 853018
// ---
ResNet(depth: 20).outputShape
// expect: [10]
// ---
PlainNet(depth: 20, activation: .sigmoid).parameterCount == ResNet(depth: 20).parameterCount
// expect: true
// ---
ResNet(depth: 21)
// error:
// ShapeError: ResNet(depth: 21) needs a depth of the form 6n + 2
//  --> cell10:1:1
//   |
// 1 | ResNet(depth: 21)
//   | ^~~~~~~~~~~~~~~~~
//   = hint: use 20, 32, 44, 56 or 110
