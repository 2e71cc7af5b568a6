class Animal {
    var name: String
    var sound: String { "..." }
    init(name: String) { self.name = name }
    func speak() -> String { "\(name) says \(sound)" }
    deinit { print("bye") }
}
final class Dog: Animal {
    var tricks = 0
    override var sound: String { "woof" }
    init() { super.init(name: "Rex") }
    override func speak() -> String { super.speak() + "!" }
}
let a = Dog()
let b = a
b.name = "Max"
print(a.name, a.speak(), a === b, a !== Dog())
let animals: [Animal] = [Animal(name: "Cat"), a]
for x in animals { print(x.speak(), x is Dog, (x as? Dog)?.tricks ?? -1) }
print(a)
protocol Shape { var area: Double { get }; func name() -> String }
extension Shape { func name() -> String { "shape" } ; var double: Double { area * 2 } }
struct Sq: Shape { var side: Double; var area: Double { side * side } }
let sh: any Shape = Sq(side: 3)
print(sh.area, sh.name(), sh.double)
func total(_ xs: [Shape]) -> Double { xs.reduce(0) { $0 + $1.area } }
print(total([Sq(side: 1), Sq(side: 2)]))
extension Int { var squared: Int { self * self }; func times(_ f: () -> Void) { for _ in 0..<self { f() } }
   mutating func bump() { self += 1 } }
print(5.squared)
3.times { print("hi") }
var n = 1
n.bump()
print(n)
extension String { func shout() -> String { uppercased() + "!" } }
print("hey".shout())
extension Array { var second: Any? { count > 1 ? self[1] : nil } }
print([1, 2, 3].second!)
enum NetError: Error { case timeout, code(Int) }
func fetch(_ n: Int) throws -> String {
    if n == 0 { throw NetError.timeout }
    if n < 0 { throw NetError.code(n) }
    return "ok \(n)"
}
do {
    print(try fetch(1))
    print(try fetch(-4))
} catch NetError.timeout {
    print("timeout")
} catch let e as NetError {
    print("net error", e)
} catch { print("other", error) }
print((try? fetch(0)) ?? "nil", (try? fetch(2))!)
do { _ = try fetch(0) } catch { print("caught", error) }
// expect: Max Max says woof! true true
// expect: Cat says ... false -1
// expect: Max says woof! true 0
// expect: Dog
// expect: 9.0 shape 18.0
// expect: 5.0
// expect: 25
// expect: hi
// expect: hi
// expect: hi
// expect: 2
// expect: HEY!
// expect: 2
// expect: ok 1
// expect: net error code(-4)
// expect: nil ok 2
// expect: caught timeout
// ---
protocol Named { var name: String { get } }
struct Bad: Named { var title: String }
// error:
// TypeError: type 'Bad' does not conform to protocol 'Named'
//  --> cell2:2:8
//   |
// 2 | struct Bad: Named { var title: String }
//   |        ^~~
//   = hint: add the property 'name' that 'Named' requires
// ---
func risky() throws { throw NetError.code(7) }
try risky()
// error:
// NetError: error raised and not caught: NetError.code(7)
//  --> cell3:1:23, in risky()
//   |
// 1 | func risky() throws { throw NetError.code(7) }
//   |                       ^~~~~~~~~~~~~~~~~~~~~~
//  --> cell3:2:5, called from here
//   |
// 2 | try risky()
//   |     ^~~~~~~
//   = hint: catch it with 'do { try … } catch { … }'
// ---
print((try? fetch(0)) == nil)
// expect: true
// ---
class Node: CustomStringConvertible {
  var v: Int
  var next: Node?
  init(_ v: Int, next: Node? = nil) { self.v = v; self.next = next }
  var description: String { next == nil ? "Node(\(v))" : "Node(\(v)) -> \(next!)" }
}
let list = Node(1, next: Node(2))
list.next!.v = 20
print(list)
// expect: Node(1) -> Node(20)
class Base { final func id() -> Int { 1 } }
final class Leaf: Base {}
print(Leaf().id())
// expect: 1
// ---
class Sub: Leaf {}
// error:
// TypeError: inheritance from a final class 'Leaf'
//  --> cell6:1:12
//   |
// 1 | class Sub: Leaf {}
//   |            ^~~~
//   = hint: remove 'final' from 'Leaf' to subclass it
// ---
func fail() throws -> Int { throw NetError.timeout }
let value = try! fail()
// error:
// ValueError: 'try!' expression unexpectedly raised an error: NetError.timeout
//  --> cell7:2:13
//   |
// 2 | let value = try! fail()
//   |             ^~~~~~~~~~~
//   = hint: use 'try?' or 'do { try … } catch { … }'
// ---
throw 42
// error:
// TypeError: thrown value of type 'Int' does not conform to 'Error'
//  --> cell8:1:1
//   |
// 1 | throw 42
//   | ^~~~~~~~
//   = hint: declare the type with ': Error'
