import random
def examples():
    return [({"a": [2, 4, 3], "b": [5, 6, 4]}, "342 + 465 = 807."), ({"a": [9, 9, 9], "b": [1]}, "999 + 1 = 1000.")]
def hidden():
    return [{"a": [0], "b": [0]}, {"a": [5], "b": [5]}, {"a": [1, 8], "b": [0]}, {"a": [9, 9], "b": [9, 9, 9, 9]}, {"a": [3], "b": [7, 9, 9]}, {"a": [1, 2, 3, 4], "b": [4, 3, 2, 1]}]
def large():
    r = random.Random(46)
    a = [r.randint(0, 9) for _ in range(11999)] + [r.randint(1, 9)]
    b = [9] * 10000
    return [{"a": a, "b": b}]
