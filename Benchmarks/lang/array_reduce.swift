// Building an array of 10^6 Doubles, then reducing it.
var xs: [Double] = []
for i in 0..<1_000_000 {
    xs.append(Double(i) * 0.5)
}
let total = xs.reduce(0.0, +)
print(Int(total))
