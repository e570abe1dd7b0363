import random
def examples():
    return [({"a": [1, 2, 3], "b": [1, 2, 3]}, None), ({"a": [1, 2], "b": [1, None, 2]}, "Same values, different shapes.")]
def hidden():
    return [{"a": [], "b": []}, {"a": [1], "b": []}, {"a": [1], "b": [2]}, {"a": [1, 2, 1], "b": [1, 1, 2]}, {"a": [5, 4, None, 3], "b": [5, 4, None, 3]}, {"a": [0, None, 0], "b": [0, None, 0, 0]}]
def large():
    r = random.Random(24)
    t = [r.randint(-10**4, 10**4) for _ in range(20000)]
    u = list(t); u[19999] += 1
    return [{"a": t, "b": list(t)}, {"a": t, "b": u}]
