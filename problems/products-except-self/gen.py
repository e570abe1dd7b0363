import random
def examples():
    return [({"nums": [2, 3, 4, 5]}, "out[0] = 3 * 4 * 5 = 60, and so on."), ({"nums": [-1, 1, 0, -3, 3]}, None)]
def hidden():
    return [{"nums": [1, 1]}, {"nums": [0, 0]}, {"nums": [0, 4]}, {"nums": [-2, -3]}, {"nums": [5, 0, 2, 0]}, {"nums": [30, 30, 30, 30, 30, 1]}]
def large():
    r = random.Random(33)
    a = [r.choice([1, 1, 1, 1, -1]) for _ in range(20000)]
    for i in r.sample(range(20000), 20):
        a[i] = 2
    b = list(a); b[777] = 0
    return [{"nums": a}, {"nums": b}]
