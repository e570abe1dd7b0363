import random
def examples():
    return [({"nums": [15, 18, 2, 5, 9, 11], "target": 5}, None), ({"nums": [15, 18, 2, 5, 9, 11], "target": 7}, None)]
def hidden():
    return [{"nums": [1], "target": 1}, {"nums": [1], "target": 0}, {"nums": [3, 1], "target": 1}, {"nums": [1, 3], "target": 3}, {"nums": [5, 6, 7, 1, 2, 3, 4], "target": 7}, {"nums": [2, 3, 4, 5, 6, 7, 1], "target": 1}]
def large():
    r = random.Random(43)
    a = sorted(r.sample(range(-10**6, 10**6), 15000))
    k = 7919
    rot = a[k:] + a[:k]
    return [{"nums": rot, "target": a[100]}, {"nums": rot, "target": a[12000]}, {"nums": rot, "target": 10**6}]
