# A map/filter/reduce chain of lambdas over 200,000 numbers, 5 times.
import functools
total = 0
for rep in range(5):
    numbers = list(range(200_000))
    total += functools.reduce(lambda a, b: a + b, filter(lambda x: x % 2 == 0, map(lambda x: x * 3 + rep, numbers)), 0)
print(total)
