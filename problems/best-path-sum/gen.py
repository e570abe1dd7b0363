import random
def examples():
    return [({"root": [1, 2, 3]}, "2 -> 1 -> 3 sums to 6."), ({"root": [-10, 9, 20, None, None, 15, 7]}, "15 -> 20 -> 7 sums to 42.")]
def hidden():
    return [{"root": [-3]}, {"root": [2, -1]}, {"root": [-2, -1]}, {"root": [5, 4, 8, 11, None, 13, 4, 7, 2, None, None, None, 1]}, {"root": [1, -2, 3]}, {"root": [-1, 5, None, 4, None, None, 2, -4]}]
def large():
    r = random.Random(71)
    return [{"root": [r.randint(-1000, 1000) for _ in range(25000)]}]
