// A map/filter/reduce chain of closures over 200,000 numbers, 5 times.
var total = 0
for rep in 0..<5 {
    let numbers = Array(0..<200_000)
    total += numbers.map { $0 * 3 + rep }.filter { $0 % 2 == 0 }.reduce(0) { $0 + $1 }
}
print(total)
