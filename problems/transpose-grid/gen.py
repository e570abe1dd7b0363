import random
def examples():
    return [({"grid": [[1, 2, 3], [4, 5, 6]]}, None), ({"grid": [[7], [8]]}, None)]
def hidden():
    return [{"grid": [[0]]}, {"grid": [[1, 2]]}, {"grid": [[1, 2], [3, 4]]}, {"grid": [[-1, -2, -3]]}, {"grid": [[1], [2], [3], [4]]}, {"grid": [[1000000000, -1000000000], [5, 6], [7, 8]]}]
def large():
    r = random.Random(18)
    return [{"grid": [[r.randint(-10**9, 10**9) for _ in range(100)] for _ in range(150)]}]
