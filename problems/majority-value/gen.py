import random
def examples():
    return [({"nums": [2, 7, 2]}, None), ({"nums": [1, 3, 3, 1, 3, 1, 1]}, "1 fills four of seven positions.")]
def hidden():
    return [{"nums": [5]}, {"nums": [4, 4]}, {"nums": [-1, 2, -1]}, {"nums": [9, 9, 9, 1, 2]}, {"nums": [1, 2, 3, 3, 3]}, {"nums": [1000000000, -1000000000, 1000000000]}]
def large():
    r = random.Random(15)
    a = [42] * 25001 + [r.randint(-10**9, 10**9) for _ in range(24999)]
    r.shuffle(a)
    return [{"nums": a}]
