import random
def examples():
    return [({"heights": [0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]}, None), ({"heights": [4, 2, 0, 3, 2, 5]}, None)]
def hidden():
    return [{"heights": [0]}, {"heights": [5, 5]}, {"heights": [3, 0, 3]}, {"heights": [1, 2, 3, 4]}, {"heights": [4, 3, 2, 1]}, {"heights": [5, 0, 0, 0, 1]}]
def large():
    r = random.Random(61)
    return [{"heights": [r.randint(0, 100000) for _ in range(20000)]}]
