import random
def examples():
    return [({"nums": [50, 4, 200, 1, 3, 2]}, "1, 2, 3, 4."), ({"nums": [0, 3, 7, 2, 5, 8, 4, 6, 0, 1]}, "0 through 8.")]
def hidden():
    return [{"nums": []}, {"nums": [5]}, {"nums": [1, 1, 1]}, {"nums": [-2, -1, 0, 1]}, {"nums": [10, 30, 20]}, {"nums": [1000000000, -1000000000, 999999999]}]
def large():
    r = random.Random(34)
    a = list(range(-5000, 15000)) + [r.randint(-10**9, 10**9) for _ in range(30000)]
    r.shuffle(a)
    return [{"nums": a}]
