import Testing
import Lang

@Test func scratch() {
  let session = Session()
  let source = """
  let x = 3
  var total = 0
  for i in 0..<10 { total += i }
  print("total \\(total)", x * 2.5)
  func area(width w: Double, height: Double = 2) -> Double { w * height }
  area(width: 3)
  """
  print(session.transcript(of: source))
  print(session.transcript(of: "let y = lenett + 1\nprint(y)"))
  print(session.transcript(of: "func f(_ a: Int) -> Int {\n  return a + \"x\"\n}\nf(1)"))
  print(session.transcript(of: "struct A { }\nlet = 3\nprint((1 + 2)"))
  print(session.transcript(of: "var a = [1, 2]\na.append(3)\na[0] = 10\nvar d = [\"a\": 1]\nd[\"b\"] = 2\n(a, d, a.map { $0 * 2 }, [1,2,3].reduce(0) { $0 + $1 })"))
}
