import random
def examples():
    return [({"root": [5, 3, 8, 1, 4, 7, 9]}, None), ({"root": [2, 1]}, "The single left child becomes a right child.")]
def hidden():
    return [{"root": []}, {"root": [1]}, {"root": [1, None, 2]}, {"root": [1, 2, 3, 4, None, None, 5]}, {"root": [0, 0, 0]}, {"root": [1, 2, None, 3, None, 4]}]
def large():
    r = random.Random(9)
    return [{"root": [r.randint(-100, 100) for _ in range(15000)]}]
