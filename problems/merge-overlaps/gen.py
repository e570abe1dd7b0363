import random
def examples():
    return [({"ranges": [[1, 3], [8, 10], [2, 6], [15, 18]]}, "[1, 3] and [2, 6] overlap."), ({"ranges": [[1, 4], [4, 5]]}, "Touching ranges merge.")]
def hidden():
    return [{"ranges": [[5, 5]]}, {"ranges": [[1, 10], [2, 3]]}, {"ranges": [[4, 7], [1, 2]]}, {"ranges": [[1, 2], [3, 4]]}, {"ranges": [[0, 0], [0, 0], [1, 1]]}, {"ranges": [[6, 8], [1, 9], [2, 4], [4, 7]]}]
def large():
    r = random.Random(56)
    out = []
    for _ in range(10000):
        s = r.randint(0, 100000)
        out.append([s, min(100000, s + r.randint(0, 8))])
    return [{"ranges": out}]
