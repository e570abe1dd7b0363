import random
def examples():
    return [({"nums": [-5, -1, 0, 2, 4]}, None), ({"nums": [-3, -2]}, None)]
def hidden():
    return [{"nums": [0]}, {"nums": [-1]}, {"nums": [1, 2, 3]}, {"nums": [-3, -2, -1]}, {"nums": [-2, -2, 2, 2]}, {"nums": [-10000, 0, 10000]}]
def large():
    r = random.Random(22)
    return [{"nums": sorted(r.randint(-10**4, 10**4) for _ in range(15000))}]
