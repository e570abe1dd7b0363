import random
def examples():
    return [({"heights": [1, 8, 6, 2, 5, 4, 8, 3, 7]}, "Walls 1 and 8 (heights 8 and 7) are 7 apart: 7 * 7 = 49."), ({"heights": [1, 1]}, None)]
def hidden():
    return [{"heights": [0, 0]}, {"heights": [5, 0, 5]}, {"heights": [1, 2, 3, 4, 5]}, {"heights": [10, 1, 1, 1, 10]}, {"heights": [0, 10000]}, {"heights": [4, 3, 2, 1, 4]}]
def large():
    r = random.Random(36)
    return [{"heights": [r.randint(0, 10000) for _ in range(50000)]}]
