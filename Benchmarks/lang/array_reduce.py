# Building a list of 10^6 floats, then reducing it.
import functools, operator
xs = []
for i in range(1_000_000):
    xs.append(i * 0.5)
total = functools.reduce(operator.add, xs, 0.0)
print(int(total))
