import random
def examples():
    return [({"first": [1, 4, 6], "second": [2, 4, 9]}, None), ({"first": [], "second": [3]}, "Merging with an empty list gives the other list.")]
def hidden():
    return [{"first": [], "second": []}, {"first": [1], "second": [1]}, {"first": [5, 6, 7], "second": [1, 2, 3]}, {"first": [-3, 0], "second": [-5, -4, 10]}, {"first": [2, 2, 2], "second": [2]}, {"first": [1, 3, 5, 7], "second": [2]}]
def large():
    r = random.Random(12)
    a = sorted(r.randint(-10**5, 10**5) for _ in range(20000))
    b = sorted(r.randint(-10**5, 10**5) for _ in range(15000))
    return [{"first": a, "second": b}]
