import random
def examples():
    return [({"root": [3, 9, 20, None, None, 15, 7]}, None), ({"root": [1]}, None)]
def hidden():
    return [{"root": []}, {"root": [1, 2]}, {"root": [1, None, 2, None, 3]}, {"root": [1, 2, 3, 4, 5, 6, 7]}, {"root": [0, -1, 1, None, -2, 2]}, {"root": [5, 4, None, 3, None, 2]}]
def large():
    r = random.Random(47)
    return [{"root": [r.randint(-1000, 1000) for _ in range(20000)]}]
