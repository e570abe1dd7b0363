import random
def examples():
    return [({"nums": [0, 4, 0, 2, 9]}, None), ({"nums": [0]}, None)]
def hidden():
    return [{"nums": [1]}, {"nums": [0, 0, 1]}, {"nums": [1, 0, 0]}, {"nums": [1, 2, 3]}, {"nums": [0, 0, 0]}, {"nums": [-2147483648, 0, 2147483647]}]
def large():
    r = random.Random(16)
    return [{"nums": [0 if r.random() < 0.4 else r.randint(-1000, 1000) for _ in range(50000)]}]
