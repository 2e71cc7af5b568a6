// %% [markdown]
// # 7. Assignment: convolution arithmetic
//
// Fill in the cells marked `// YOUR CODE HERE` (replace the `fatalError` line). The cells after
// them check your answers with `assert`: run them to see whether you are right. When you
// submit, they run again with further hidden tests.

// %% [markdown]
// **Question 1 (2 points).** A 64x64 input, a 7x7 filter, padding 3, stride 2. Set `answer1` to
// the output width.

// %% nbgrader={"grade": false, "grade_id": "q1", "locked": false, "schema_version": 3, "solution": true}
// BEGIN SOLUTION
let answer1 = (64 - 7 + 2 * 3) / 2 + 1
// END SOLUTION

// %% nbgrader={"grade": true, "grade_id": "q1-test", "locked": true, "points": 2, "schema_version": 3, "solution": false}
assert(answer1 == convOutputSize(input: 64, filter: 7, padding: 3, stride: 2).value, "the output width is (W - F + 2P)/S + 1, floored")
// BEGIN HIDDEN TESTS
assert(answer1 == 32, "(64 - 7 + 6) / 2 + 1 = 32")
// END HIDDEN TESTS

// %% [markdown]
// **Question 2 (2 points).** Build `model`: a Sequential for 1x28x28 inputs with a 3x3 convolution
// of 8 filters (padding 1, ReLU), a 2x2 max pooling, a flatten and a dense layer of 10 outputs.

// %% nbgrader={"grade": false, "grade_id": "q2", "locked": false, "schema_version": 3, "solution": true}
// BEGIN SOLUTION
let model = Sequential(input: [1, 28, 28]) {
    Conv2D(8, kernel: 3, padding: 1, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
// END SOLUTION

// %% nbgrader={"grade": true, "grade_id": "q2-test", "locked": true, "points": 2, "schema_version": 3, "solution": false}
assert(model.parameterCount == 8 * (3 * 3 + 1) + 8 * 14 * 14 * 10 + 10, "8 filters of 3x3 + bias, then 1568 x 10 weights + 10 biases")
assert(model.outputShape == [10], "the model ends with 10 outputs")
// BEGIN HIDDEN TESTS
assert(model.summary().parameterCount == 15770, "the summary counts the same parameters")
// END HIDDEN TESTS
