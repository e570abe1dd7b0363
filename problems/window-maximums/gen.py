import random
def examples():
    return [({"nums": [1, 3, -1, -3, 5, 3, 6, 7], "k": 3}, None), ({"nums": [4], "k": 1}, None)]
def hidden():
    return [{"nums": [1, 2], "k": 2}, {"nums": [2, 1], "k": 1}, {"nums": [5, 4, 3, 2, 1], "k": 2}, {"nums": [1, 2, 3, 4, 5], "k": 5}, {"nums": [-1, -1, -1], "k": 2}, {"nums": [9, 10, 9, -7, -4, -8, 2, -6], "k": 5}]
def large():
    r = random.Random(74)
    a = [r.randint(-10**4, 10**4) for _ in range(20000)]
    return [{"nums": a, "k": 1000}, {"nums": list(range(12000, 0, -1)), "k": 777}]
