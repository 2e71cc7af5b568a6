/// LeNet-5 as the lecture presents it (LeCun et al. 1998): a 1x32x32 input, tanh, average
/// pooling, 120-84-10 fully connected; 61,706 parameters.
///
/// Shapes: [1,32,32] → conv 5x5 → [6,28,28] → pool → [6,14,14] → conv 5x5 → [16,10,10] → pool →
/// [16,5,5] → flatten 400 → 120 → 84 → 10.
public func LeNet5(classes: Int = 10, seed: UInt64 = 0) throws -> Sequential {
  try Sequential(input: [1, 32, 32], seed: seed) {
    Conv2D(6, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Conv2D(16, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Flatten()
    Dense(120, activation: .tanh)
    Dense(84, activation: .tanh)
    Dense(classes)
  }
}
