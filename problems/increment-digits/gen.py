import random
def examples():
    return [({"digits": [1, 2, 9]}, "129 + 1 = 130."), ({"digits": [9, 9]}, "99 + 1 = 100.")]
def hidden():
    return [{"digits": [0]}, {"digits": [9]}, {"digits": [1, 0]}, {"digits": [8, 9, 9, 9]}, {"digits": [4, 3, 2, 1]}, {"digits": [1, 9, 0, 9]}]
def large():
    r = random.Random(19)
    return [{"digits": [9] * 12000}, {"digits": [r.randint(1, 9)] + [r.randint(0, 9) for _ in range(11999)]}]
