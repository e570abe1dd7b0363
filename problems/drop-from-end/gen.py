import random
def examples():
    return [({"head": [1, 2, 3, 4, 5], "k": 2}, "The 4 goes."), ({"head": [1], "k": 1}, None)]
def hidden():
    return [{"head": [1, 2], "k": 1}, {"head": [1, 2], "k": 2}, {"head": [5, 5, 5], "k": 3}, {"head": [1, 2, 3], "k": 2}, {"head": [0, 1000, 0, 1000], "k": 4}, {"head": [9, 8, 7, 6, 5, 4], "k": 1}]
def large():
    r = random.Random(45)
    a = [r.randint(0, 1000) for _ in range(30000)]
    return [{"head": a, "k": 29999}, {"head": a, "k": 12345}]
