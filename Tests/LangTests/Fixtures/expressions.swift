// Expressions: arithmetic, comparisons, logic, ??, ternary, unary minus, members, subscripts,
// slices, closures and trailing closures.
let xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs.count, xs.first ?? 0, xs.last ?? 0)          // expect: 8 3 6
print(xs[2], xs[1..<3], xs[...2], xs[5...])           // expect: 4 [1, 4] [3, 1, 4] [9, 2, 6]
print(xs.sorted(), xs.max() ?? 0, xs.min() ?? 0)      // expect: [1, 1, 2, 3, 4, 5, 6, 9] 9 1
print(xs.filter { $0 > 3 }.map { $0 * 10 })           // expect: [40, 50, 90, 60]
// ---
let ys = [3, 1, 4]
print(ys.reduce(0) { $0 + $1 })                       // expect: 8
print(ys.sorted { $0 > $1 }, ys.contains(4))          // expect: [4, 3, 1] true
print(-ys[0], 2 + 3 * 4, (2 + 3) * 4, 7 / 2, 7.0 / 2) // expect: -3 14 20 3 3.5
print(1 < 2 && 2 < 3, 1 == 1.0, "a" < "b")            // expect: true true true
print(ys.count > 2 ? "long" : "short")                // expect: long
var words = ["conv"]
words.append("pool")
words += ["dense"]
words[0] = "Conv"
print(words, words.joined(separator: "-"))            // expect: ["Conv", "pool", "dense"] Conv-pool-dense
var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)                                           // expect: [[0, 0], [5, 0]]
var config = ["lr": 0.1]
config["epochs"] = 5
config["lr"] = nil
print(config, config["missing"] ?? "none")            // expect: ["epochs": 5] none
let text = "Stride"
print(text.count, text.uppercased(), text[0], text.hasPrefix("Str")) // expect: 6 STRIDE S true
print(Int("42") ?? 0, Double("2.5") ?? 0, Int(3.9), String(7) + "!") // expect: 42 2.5 3 7!
print(min(3, 1, 2), max([4, 8, 6]), abs(-2.5), sqrt(16.0), pow(2, 10)) // expect: 1 8 2.5 4.0 1024.0
print(Double.pi > 3, Int.max > 0)                     // expect: true true
print(zip([1, 2], ["a", "b"]), Array(0..<3), stride(from: 0, to: 6, by: 2)) // expect: [(1, "a"), (2, "b")] [0, 1, 2] [0, 2, 4]
func apply(_ f: (Int) -> Int, to value: Int) -> Int { f(value) }
print(apply({ $0 * 3 }, to: 5))                       // expect: 15
func twice(_ value: Int, _ f: (Int) -> Int) -> Int { f(f(value)) }
print(twice(3) { $0 * $0 })                           // expect: 81
let activation = .relu
print(activation)                                     // expect: .relu
// ---
// A key path where a function is expected (`\.name`, `\.1`, `\Type.name`), and tuples compared
// as Swift does: by the first parts that differ.
struct Person { var name: String; var age: Int }
let people = [Person(name: "bo", age: 31), Person(name: "al", age: 25), Person(name: "cy", age: 31)]
print(people.map(\.name), people.map(\Person.age).reduce(0, +), people.map(\.name.count))   // expect: ["bo", "al", "cy"] 87 [2, 2, 2]
let pairs = people.map { ($0.age, $0.name) }
print(pairs.sorted { $0 > $1 }.map(\.1), (1, "b") < (1, "c"), (2, 0) <= (2, 0), (1, 2) >= (1, 3))   // expect: ["cy", "bo", "al"] true true false
