import random
def examples():
    return [({"grid": [[2, 1, 1], [1, 1, 0], [0, 1, 1]]}, None), ({"grid": [[2, 1, 1], [0, 1, 1], [1, 0, 1]]}, "The fruit in the bottom-left corner is cut off.")]
def hidden():
    return [{"grid": [[0]]}, {"grid": [[1]]}, {"grid": [[2]]}, {"grid": [[0, 2]]}, {"grid": [[2, 1, 1, 1, 1]]}, {"grid": [[1, 2, 1], [1, 1, 1], [2, 1, 1]]}]
def large():
    r = random.Random(53)
    g = [[1] * 110 for _ in range(110)]
    g[0][0] = 2
    h = [[r.choice([0, 1, 1, 1, 2]) for _ in range(120)] for _ in range(100)]
    return [{"grid": g}, {"grid": h}]
