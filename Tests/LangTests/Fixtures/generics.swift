func first<T>(_ xs: [T]) -> T? { xs.first }
print(first([3, 4]) ?? 0, first(["a"]) ?? "none")
// expect: 3 a
// ---
struct Stack<Element> {
    var items: [Element] = []
    mutating func push(_ x: Element) { items.append(x) }
    mutating func pop() -> Element? { items.popLast() }
}
var s = Stack<Int>()
s.push(1)
s.push(2)
print(s.pop()!, s.items)
// expect: 2 [1]
// ---
extension Stack {
    var top: Element? { items.last }
    func mapped<U>(_ transform: (Element) -> U) -> Stack<U> { Stack<U>(items: items.map(transform)) }
}
let words: Stack<String> = s.mapped { "#\($0)" }
print(s.top!, words.items)
// expect: 1 ["#1"]
// ---
func largest<T: Comparable>(_ xs: [T]) -> T { xs.max()! }
print(largest([3, 9, 2]), largest(["pear", "apple"]))
// expect: 9 pear
// ---
func same<T>(_ a: T, _ b: T) -> Bool where T: Equatable { a == b }
func both<T: Comparable & Hashable>(_ x: T) -> T { x }
func onlyInts<T>(_ x: T) -> T where T == Int { x }
print(same(1, 1), same("a", "b"), both("k"), onlyInts(3))
// expect: true false k 3
// ---
class Box<T> {
    var value: T
    init(_ value: T) { self.value = value }
}
enum Outcome<Success> { case ok(Success), failed(String) }
let outcome: Outcome<Int> = .ok(Box<Int>(3).value)
if case .ok(let v) = outcome { print(v, Box("x").value) }
// expect: 3 x
// ---
extension Array where Element: Numeric {
    func total() -> Element { reduce(0, +) }
}
print([1, 2, 3].total(), [0.5, 0.25].total())
// expect: 6 0.75
// ---
func twice<T: Numeric>(_ x: T) -> T { x * 2 }
twice("a")
// error:
// TypeError: argument 'x' of twice(_:) expects Numeric, got String
//  --> cell8:2:1
//   |
// 2 | twice("a")
//   | ^~~~~~~~~~
// ---
largest([[1], [2]])
// error:
// TypeError: argument 'xs' of largest(_:) expects [Comparable], got Array
//  --> cell9:1:1
//   |
// 1 | largest([[1], [2]])
//   | ^~~~~~~~~~~~~~~~~~~
// ---
onlyInts(2.5)
// error:
// TypeError: argument 'x' of onlyInts(_:) expects Int, got Double
//  --> cell10:1:1
//   |
// 1 | onlyInts(2.5)
//   | ^~~~~~~~~~~~~

// ---
extension Array where Element == String {
    func describe() -> String { "words: " + joined(separator: " ") }
    var loud: String { joined().uppercased() }
}
extension Array where Element == Int {
    func describe() -> String { "numbers summing to \(reduce(0, +))" }
    mutating func bump() { for i in indices { self[i] += 1 } }
}
extension Dictionary where Value == Int {
    var sum: Int { values.reduce(0, +) }
}
var counts = [1, 2, 3]
counts.bump()
print(counts.describe(), ["a", "b"].describe(), ["x"].loud, ["a": 1, "b": 2].sum)
// expect: numbers summing to 9 words: a b X 3
// ---
["a", "b"].total()
// error:
// TypeError: referencing 'total' on 'Array' requires that 'String' conform to 'Numeric'
//  --> cell12:1:1
//   |
// 1 | ["a", "b"].total()
//   | ^~~~~~~~~~~~~~~~~~
//   = hint: 'total' is declared in 'extension Array where Element: Numeric'
// ---
var names = ["a"]
names.bump()
// error:
// TypeError: referencing 'bump' on 'Array' requires the types 'String' and 'Int' be equivalent
//  --> cell13:2:1
//   |
// 2 | names.bump()
//   | ^~~~~~~~~~~~
//   = hint: 'bump' is declared in 'extension Array where Element == Int'
// ---
["a": "b"].sum
// error:
// TypeError: referencing 'sum' on 'Dictionary' requires the types 'String' and 'Int' be equivalent
//  --> cell14:1:12
//   |
// 1 | ["a": "b"].sum
//   |            ^~~
//   = hint: 'sum' is declared in 'extension Dictionary where Value == Int'
