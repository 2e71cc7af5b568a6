// LANGUAGE.md examples that need no engine: the convolution output size formula written as a
// function, and a hand-written loop with enumerated() and string interpolation.
func convOutputSize(input: Int, filter: Int, padding: Int, stride: Int) -> Int {
    (input - filter + 2 * padding) / stride + 1
}
convOutputSize(input: 32, filter: 5, padding: 0, stride: 1)          // 28
// expect: 28
// ---
let losses = [2.3, 1.1, 0.7]
for (i, loss) in losses.enumerated() {
    if i % 2 == 0 { print("step \(i): \(loss)") }
}
// expect: step 0: 2.3
// expect: step 2: 0.7
