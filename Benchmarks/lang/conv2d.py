# Naive 2-D convolution (valid) of a 64×64 list of lists with a 5×5 kernel in four nested loops, 10 times.
n, k = 64, 5
image = []
for i in range(n):
    row = []
    for j in range(n):
        row.append(((i * 7 + j * 3) % 11) / 10.0)
    image.append(row)
kernel = []
for a in range(k):
    row = []
    for b in range(k):
        row.append((a - b) / 5.0)
    kernel.append(row)
m = n - k + 1
out = []
for i in range(m):
    row = []
    for j in range(m):
        row.append(0.0)
    out.append(row)
for rep in range(10):
    for i in range(m):
        for j in range(m):
            s = 0.0
            for a in range(k):
                for b in range(k):
                    s += image[i + a][j + b] * kernel[a][b]
            out[i][j] = s
checksum = 0.0
for row in out:
    for v in row:
        checksum += v
print(int(checksum * 1000))
