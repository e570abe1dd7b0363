import random
def examples():
    return [({"root": [4, 2, 7, None, None, 5, 9, None, 1]}, "The longest path is 4 -> 7 -> 5 -> 1."), ({"root": [1, None, 2]}, None)]
def hidden():
    return [{"root": []}, {"root": [0]}, {"root": [1, 2]}, {"root": [1, 2, 3, 4, 5, 6, 7]}, {"root": [1, 2, None, 3, None, 4, None, 5]}, {"root": [-100, None, 100]}]
def large():
    r = random.Random(7)
    return [{"root": [r.randint(-100, 100) for _ in range(20000)]}]
