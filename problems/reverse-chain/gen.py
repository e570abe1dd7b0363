import random
def examples():
    return [({"head": [1, 2, 3, 4]}, None), ({"head": [7, -2]}, None)]
def hidden():
    return [{"head": []}, {"head": [5]}, {"head": [1, 1, 1]}, {"head": [-5000, 5000]}, {"head": [3, 2, 1]}, {"head": [0, 1, 0, 1, 0]}]
def large():
    r = random.Random(4)
    return [{"head": [r.randint(-5000, 5000) for _ in range(30000)]}]
