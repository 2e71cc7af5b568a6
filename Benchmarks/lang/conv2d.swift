// Naive 2-D convolution (valid) of a 64×64 [[Double]] with a 5×5 kernel in four nested loops, 10 times.
let n = 64, k = 5
var image: [[Double]] = []
for i in 0..<n {
    var row: [Double] = []
    for j in 0..<n { row.append(Double((i * 7 + j * 3) % 11) / 10.0) }
    image.append(row)
}
var kernel: [[Double]] = []
for a in 0..<k {
    var row: [Double] = []
    for b in 0..<k { row.append(Double(a - b) / 5.0) }
    kernel.append(row)
}
let m = n - k + 1
var out: [[Double]] = []
for i in 0..<m {
    var row: [Double] = []
    for j in 0..<m { row.append(0.0) }
    out.append(row)
}
for rep in 0..<10 {
    for i in 0..<m {
        for j in 0..<m {
            var s = 0.0
            for a in 0..<k {
                for b in 0..<k {
                    s += image[i + a][j + b] * kernel[a][b]
                }
            }
            out[i][j] = s
        }
    }
}
var checksum = 0.0
for row in out {
    for v in row { checksum += v }
}
print(Int(checksum * 1000))
