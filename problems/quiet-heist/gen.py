import random
def examples():
    return [({"houses": [2, 7, 9, 3, 1]}, "2 + 9 + 1 = 12."), ({"houses": [5, 1, 1, 5]}, "5 + 5; the two 5s are not adjacent.")]
def hidden():
    return [{"houses": [0]}, {"houses": [7]}, {"houses": [3, 9]}, {"houses": [9, 3]}, {"houses": [1, 2, 3, 1]}, {"houses": [10000, 0, 0, 10000, 0, 10000]}]
def large():
    r = random.Random(55)
    return [{"houses": [r.randint(0, 10000) for _ in range(80000)]}]
