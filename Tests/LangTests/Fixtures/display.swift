// Output: print, display, readLine through the kernel's stdin, assert and precondition.
display([1, 2])
print("a", "b", separator: ", ", terminator: "!\n")
// expect: [1, 2]
// expect: a, b!
// ---
// input: Ada
let name = readLine(prompt: "Name? ") ?? "nobody"
print("hello \(name)")                     // expect: hello Ada
// ---
let second = readLine() ?? "no input"
second
// expect: "no input"
// ---
let accuracy = 0.5
assert(accuracy > 0.8, "accuracy too low: \(accuracy)")
// error:
// AssertionError: assert failed: accuracy too low: 0.5
//  --> cell4:2:1
//   |
// 2 | assert(accuracy > 0.8, "accuracy too low: \(accuracy)")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
precondition(1 + 1 == 3)
// error:
// AssertionError: precondition failed
//  --> cell5:1:1
//   |
// 1 | precondition(1 + 1 == 3)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~