import random
def examples():
    return [({"nums": [6, 1, 6]}, None), ({"nums": [4, 1, 2, 1, 2]}, None)]
def hidden():
    return [{"nums": [7]}, {"nums": [-1, -1, -2]}, {"nums": [0, 5, 5]}, {"nums": [30000, -30000, 30000]}, {"nums": [1, 2, 3, 2, 1]}, {"nums": [9, 8, 9, 8, 0]}]
def large():
    r = random.Random(14)
    vals = r.sample(range(-30000, 30001), 15001)
    a = vals[:15000] * 2 + [vals[15000]]
    r.shuffle(a)
    return [{"nums": a}]
