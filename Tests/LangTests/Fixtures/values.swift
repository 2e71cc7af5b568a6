// Values: Int, Double, Float alias, Bool, String with interpolation, nil, arrays, dictionaries,
// tuples, ranges, closures.
let count = 3
let rate: Double = 2
let scale: Float = 0.5
print(count, rate, scale)                 // expect: 3 2.0 0.5
let name = "LeNet"
print("\(name) has \(count + 2) layers")  // expect: LeNet has 5 layers
let nothing: Int? = nil
print(nothing ?? 7)                       // expect: 7
print([1, 2, 3], ["lr": 0.1])             // expect: [1, 2, 3] ["lr": 0.1]
let pair = (28, "pixels")
print(pair.0, pair.1)                     // expect: 28 pixels
print(0..<4, 1...5)                       // expect: 0..<4 1...5
let double = { x in x * 2 }
let plusOne = { $0 + 1 }
print(double(21), plusOne(41))            // expect: 42 42
print(true && !false, 7 % 3, -4 / 3)      // expect: true 1 -1
print(1e-3, 10 / 4, 10.0 / 4)             // expect: 0.001 2 2.5
print(type(of: count), type(of: rate), type(of: name)) // expect: Int Double String
["a": 1, "b": 2]
// expect: ["a": 1, "b": 2]
// ---
"quoted result"
// expect: "quoted result"
// ---
let hidden = 42;
// ---
hidden;
// ---
(1, "two", [3.0])
// expect: (1, "two", [3.0])
