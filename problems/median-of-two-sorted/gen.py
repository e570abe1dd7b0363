import random
def examples():
    return [({"a": [1, 3], "b": [2]}, "Together: 1, 2, 3."), ({"a": [1, 2], "b": [3, 4]}, "(2 + 3) / 2 = 2.5.")]
def hidden():
    return [{"a": [], "b": [5]}, {"a": [7], "b": []}, {"a": [1, 1], "b": [1, 1]}, {"a": [-5, 3, 6, 12, 15], "b": [-12, -10, -6, -3, 4, 10]}, {"a": [1000000], "b": [-1000000]}, {"a": [2, 3, 4, 5, 6], "b": [1]}]
def large():
    r = random.Random(64)
    return [{"a": sorted(r.randint(-10**6, 10**6) for _ in range(40000)), "b": sorted(r.randint(-10**6, 10**6) for _ in range(25001))}]
