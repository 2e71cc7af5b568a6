// Everyday collections: typed constructors, Array, Dictionary and Set methods (issue 16).
let grid = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 2)
print(grid)                                       // expect: [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
var empty = [Int]()
empty.append(contentsOf: [3, 1, 2])
empty.insert(0, at: 0)
print(empty, empty.remove(at: 1), empty)          // expect: [0, 3, 1, 2] 3 [0, 1, 2]
print(empty.removeLast(), empty.removeFirst(), empty)   // expect: 2 0 [1]
var xs = [5, -2, 8, -1, 3]
xs.removeAll(where: { $0 < 0 })
print(xs)                                         // expect: [5, 8, 3]
xs.sort(by: >)
print(xs)                                         // expect: [8, 5, 3]
xs.sort()
xs.swapAt(0, 2)
print(xs, xs.indices)                             // expect: [8, 5, 3] 0..<3
// ---
let xs = [4, 7, 1, 9]
print(xs.sorted(by: >), Array(xs.reversed()), xs.first!, xs.last!)   // expect: [9, 7, 4, 1] [9, 1, 7, 4] 4 9
print(xs.first(where: { $0 > 5 })!, xs.firstIndex(of: 1)!, xs.firstIndex(where: { $0 > 7 })!)   // expect: 7 2 3
print(xs.contains(where: { $0 > 8 }), xs.allSatisfy { $0 > 0 }, xs.min()!, xs.max()!)   // expect: true true 1 9
print(xs.min(by: { $0 % 3 < $1 % 3 })!, xs.max(by: { $0 % 5 < $1 % 5 })!)   // expect: 9 4
print(xs.prefix(2), xs.suffix(2), xs.dropFirst(), xs.dropLast(2))   // expect: [4, 7] [1, 9] [7, 1, 9] [4, 7]
print(xs.map { $0 * 2 }, xs.compactMap { $0 > 4 ? $0 : nil }, [[1], [2, 3]].flatMap { $0 })   // expect: [8, 14, 2, 18] [7, 9] [1, 2, 3]
print(xs.filter { $0 % 2 == 1 }, xs.reduce(0, +), xs.reduce(into: []) { $0.append($1 * 10) })   // expect: [7, 1, 9] 21 [40, 70, 10, 90]
print(Array(zip(xs, ["a", "b"])))                 // expect: [(4, "a"), (7, "b")]
print(xs.enumerated().map { $0.offset + $0.element })   // expect: [4, 8, 3, 12]
let words = ["stride", "is", "swift"]
print(words.map { $0.count }.reduce(0, +))        // expect: 13
// ---
var g = SeededGenerator(seed: 7)
let a = (1...8).shuffled(using: &g)
var h = SeededGenerator(seed: 7)
print(a == (1...8).shuffled(using: &h), a.sorted() == Array(1...8))   // expect: true true
var deck = [1, 2, 3, 4]
deck.shuffle()
print(deck.count, Set(deck).count)                // expect: 4 4
// ---
var counts: [String: Int] = [:]
for word in ["a", "b", "a", "c", "a"] { counts[word, default: 0] += 1 }
print(counts, counts["z", default: 0])            // expect: ["a": 3, "b": 1, "c": 1] 0
print(counts.keys.sorted(), counts.values.sorted(), counts.count, counts.isEmpty)   // expect: ["a", "b", "c"] [1, 1, 3] 3 false
print(counts.sorted(by: { $0.value > $1.value }).first!.key)   // expect: a
print(counts.mapValues { $0 * 10 }, counts.filter { $0.value > 1 })   // expect: ["a": 30, "b": 10, "c": 10] ["a": 3]
print(counts.merging(["a": 1, "d": 4], uniquingKeysWith: +))   // expect: ["a": 4, "b": 1, "c": 1, "d": 4]
print(Dictionary(grouping: ["apple", "avocado", "banana"], by: { $0.first! }))   // expect: ["a": ["apple", "avocado"], "b": ["banana"]]
print(counts.removeValue(forKey: "b")!, counts.removeValue(forKey: "q") == nil, counts)   // expect: 1 true ["a": 3, "c": 1]
var total = 0
for (word, n) in counts { total += word.count * n }
print(total)                                      // expect: 4
var table = [String: [Int]]()
table["x", default: []].append(1)
print(table)                                      // expect: ["x": [1]]
// ---
let s: Set = [3, 1, 3, 2]
var t = Set<Int>()
t.insert(2)
t.insert(5)
var u = t
u.insert(9)
print(s.count, s.contains(3), t.count, u.count)   // expect: 3 true 2 3
print(s.union(t).sorted(), s.intersection(t), s.subtracting(t).sorted())   // expect: [1, 2, 3, 5] [2] [1, 3]
print(t.remove(5)!, t.remove(7) == nil, t, s.sorted())   // expect: 5 true [2] [1, 2, 3]
// ---
let xs = [3, 1]
xs.sorted(byy: <)
// error:
// TypeError: no Array.sorted(byy:) matches these argument labels
//  --> cell6:2:1
//   |
// 2 | xs.sorted(byy: <)
//   | ^~~~~~~~~~~~~~~~~
//   = hint: it is one of Array.sorted() -> Array, Array.sorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Array
// ---
let xs = [3, 1]
xs.firstIndx(of: 3)
// error:
// NameError: value of type 'Array' has no member 'firstIndx'
//  --> cell7:2:4
//   |
// 2 | xs.firstIndx(of: 3)
//   |    ^~~~~~~~~
//   = hint: did you mean 'firstIndex'?
// ---
let xs = [3, 1]
xs.append(4)
// error:
// TypeError: cannot assign to 'xs': it is a 'let' constant
//  --> cell8:2:1
//   |
// 2 | xs.append(4)
//   | ^~
//   = hint: declare it with 'var xs' to change it
// ---
// A trailing closure picks the overload that takes a closure, as in Swift.
var xs = [4, 9, 2]
print(xs.contains { $0 > 8 }, xs.first { $0 < 4 }!, xs.firstIndex { $0 == 9 }!, xs.sorted { $0 > $1 }, xs.max { $0 > $1 }!)   // expect: true 2 1 [9, 4, 2] 2
xs.removeAll { $0 > 5 }
xs.sort { $0 > $1 }
print(xs, (0..<4).map { $0 * $0 }, (1...4).reduce(0, +), Set([1, 2]) == Set([2, 1]))   // expect: [4, 2] [0, 1, 4, 9] 10 true
// ---
// Mutating a value that is not a variable.
[3].append(4)
// error:
// TypeError: cannot use mutating member 'append' on an immutable value of type 'Array'
//  --> cell10:2:1
//   |
// 2 | [3].append(4)
//   | ^~~~~~~~~~~~~
//   = hint: store the value in a 'var' first, then call 'append' on it
// ---
// A dictionary's pairs as a sequence: min/max by a closure, first(where:), reduce, allSatisfy,
// compactMap; Int's quotientAndRemainder and signum; `.lazy` (evaluated at once in cells).
let stock = ["apples": 3, "pears": 7, "plums": 1]
let most = stock.max { $0.value < $1.value }!
print(most.key, most.value, stock.min(by: { $0.value < $1.value })!.key)   // expect: pears 7 plums
print(stock.first { $0.value > 2 }!.key, stock.reduce(0) { $0 + $1.value })  // expect: apples 11
print(stock.allSatisfy { $0.value > 0 }, stock.compactMap { $0.value > 2 ? $0.key : nil })   // expect: true ["apples", "pears"]
let (q, r) = 17.quotientAndRemainder(dividingBy: 5)
print(q, r, (-17).quotientAndRemainder(dividingBy: 5), (-4).signum())      // expect: 3 2 (-3, -2) -1
print(Array((1...6).lazy.map { $0 * $0 }.filter { $0 % 2 == 0 }), [3, 1].lazy.sorted())   // expect: [4, 16, 36] [1, 3]
// ---
print(7.quotientAndRemainder(dividingBy: 0))
// error:
// ArithmeticError: division by zero
//  --> cell12:1:7
//   |
// 1 | print(7.quotientAndRemainder(dividingBy: 0))
//   |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
// A mutating call through optional chaining changes the stored value, and does nothing on nil.
var scores = ["ann": [90, 85], "bob": [70]]
scores["ann"]?.append(100)
scores["zed"]?.append(1)
var maybe: [Int]? = [1]
maybe?.append(2)
print(scores, maybe!, M_PI == Double.pi, M_E)     // expect: ["ann": [90, 85, 100], "bob": [70]] [1, 2] true 2.718281828459045
