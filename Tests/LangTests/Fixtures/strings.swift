// Strings and Characters, String(format:), conversions and maths (issue 16).
let s = "Hello, Stride"
print(s.count, s.isEmpty, s.uppercased(), s.lowercased())   // expect: 13 false HELLO, STRIDE hello, stride
print(s.hasPrefix("Hell"), s.hasSuffix("de"), s.contains("o, S"), s.contains("z"))   // expect: true true true false
print("a,b,,c".split(separator: ","), "a,b,,c".components(separatedBy: ","))   // expect: ["a", "b", "c"] ["a", "b", "", "c"]
print("2026-12-03".replacingOccurrences(of: "-", with: "/"), String("abc".reversed()))   // expect: 2026/12/03 cba
print(Array("Swift"), ["x", "y", "z"].joined(separator: "+"), String(42) + String(0.5))   // expect: ["S", "w", "i", "f", "t"] x+y+z 420.5
let c: Character = "q"
print(c, Character("z"), String(repeating: "ab", count: 3), "  pad \t".trimmingCharacters(in: .whitespaces))   // expect: q z ababab pad
print("Stride".filter { $0 != "i" }, "Stride".map { $0.uppercased() }, "abc".prefix(2), "a1b2".filter { $0.isNumber })   // expect: Strde ["S", "T", "R", "I", "D", "E"] ab 12
// ---
let x = 3.14159
print(String(format: "%.3f|%5.2f|%d|%i|%x|%X|%o", x, x, 42, -7, 255, 255, 8))   // expect: 3.142| 3.14|42|-7|ff|FF|10
print(String(format: "%e|%g|%g|%s|%-4s|%5d|%05d|%+d|%%", 1234.5, 0.0001, 1e20, "hi", "ab", 42, 42, 3))   // expect: 1.234500e+03|0.0001|1e+20|hi|ab  |   42|00042|+3|%
print(String(format: "%@ has %ld items, %.1f%% done", "list", 3, 99.5))   // expect: list has 3 items, 99.5% done
// ---
String(format: "%d items", 2.5)
// error:
// TypeError: String(format:) conversion '%d' expects an Int, got Double
//  --> cell3:1:1
//   |
// 1 | String(format: "%d items", 2.5)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: use %f for a Double, or Int(x)
// ---
String(format: "%d and %d", 1)
// error:
// ValueError: String(format:) has no argument for '%d' (conversion 2)
//  --> cell4:1:1
//   |
// 1 | String(format: "%d and %d", 1)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: give one argument per conversion; write %% for a percent sign
// ---
"abc".uppercase()
// error:
// NameError: value of type 'String' has no member 'uppercase'
//  --> cell5:1:7
//   |
// 1 | "abc".uppercase()
//   |       ^~~~~~~~~
//   = hint: did you mean 'uppercased'?
// ---
"a-b".components(separated: "-")
// error:
// TypeError: String.components(separatedBy:): expected argument label 'separatedBy', found 'separated'
//  --> cell6:1:1
//   |
// 1 | "a-b".components(separated: "-")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: the signature is String.components(separatedBy separator: String) -> [String]
// ---
let n: Int? = 4
let name: String? = "ada"
let none: String? = nil
print(n.map { $0 * 2 }!, none ?? "nobody", name?.uppercased() ?? "", none?.count == nil)   // expect: 8 nobody ADA true
print(Int(exactly: 3.0)!, Int(exactly: 3.5) == nil, Int("42")!, Int("4x2") == nil, Double("3.5")!, Int("ff", radix: 16)!)   // expect: 3 true 42 true 3.5 255
print(Int.max, Int.min, Double.pi, Double.infinity, (0.0 / 0.0).isNaN)   // expect: 9223372036854775807 -9223372036854775808 3.141592653589793 inf true
print(1, 2, 3, separator: "-", terminator: "!\n")   // expect: 1-2-3!
print(max(1, 5, 3), min(4.5, 2, 8), abs(-3), pow(2, 10), sqrt(16), exp(0), log(1))   // expect: 5 2 3 1024.0 4.0 1.0 0.0
print(sin(0), cos(0), atan2(1, 1) * 4 == Double.pi, -7 / 2, -7 % 2, 7 % -2)   // expect: 0.0 1.0 true -3 -1 1
print(2.5.rounded(.down), 7.5.truncatingRemainder(dividingBy: 2), 12.isMultiple(of: 4), Int.random(in: 3...3))   // expect: 2.0 1.5 true 3
// ---
let big = Int.max
big + 1
// error:
// ArithmeticError: arithmetic overflow in '+'
//  --> cell8:2:1
//   |
// 2 | big + 1
//   | ^~~~~~~
//   = hint: the result does not fit in Int; use Double values
// ---
String(repeating: "ab", count: -1)
// error:
// ValueError: cannot convert count -1 to a String length (0 up to 100000000 bytes)
//  --> cell9:1:1
//   |
// 1 | String(repeating: "ab", count: -1)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
String(repeat: "ab", count: 2)
// error:
// TypeError: no String(repeat:count:) matches these argument labels
//  --> cell10:1:1
//   |
// 1 | String(repeat: "ab", count: 2)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: it is one of String(_ value: Any) -> String, String(format: String, _ arguments: Any...) -> String, String(repeating: String, count: Int) -> String, String(describing instance: Any) -> String
