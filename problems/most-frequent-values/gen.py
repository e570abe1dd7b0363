import random
def examples():
    return [({"nums": [4, 4, 4, 6, 6, 9], "k": 2}, "4 occurs three times, 6 twice."), ({"nums": [5, 3, 5, 3, 1], "k": 2}, "5 and 3 tie; the smaller, 3, comes first.")]
def hidden():
    return [{"nums": [1], "k": 1}, {"nums": [1, 2], "k": 2}, {"nums": [-1, -1, 2], "k": 1}, {"nums": [3, 3, 2, 2, 1, 1], "k": 3}, {"nums": [7, 7, 7, 7], "k": 1}, {"nums": [10000, -10000, 10000], "k": 2}]
def large():
    r = random.Random(32)
    return [{"nums": [int(r.gauss(0, 2000)) % 20001 - 10000 for _ in range(60000)], "k": 25}]
