import random
def examples():
    return [({"nums": [-1, 0, 1, 2, -1, -4]}, "[-1, -1, 2] and [-1, 0, 1]."), ({"nums": [1, 2, 3]}, None)]
def hidden():
    return [{"nums": [0, 0, 0]}, {"nums": [0, 0, 0, 0]}, {"nums": [-2, 1, 1]}, {"nums": [-1, 1, 2]}, {"nums": [3, -1, -2, 0, 1, -3, 2]}, {"nums": [100000, -50000, -50000, 0]}]
def large():
    r = random.Random(35)
    return [{"nums": [r.randint(-100000, 100000) for _ in range(3000)] + [r.randint(-200, 200) for _ in range(200)]}]
