import random
def examples():
    return [({"grid": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}, None), ({"grid": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}, None)]
def hidden():
    return [{"grid": [[7]]}, {"grid": [[1, 2, 3]]}, {"grid": [[1], [2], [3]]}, {"grid": [[1, 2], [3, 4]]}, {"grid": [[1, 2], [3, 4], [5, 6]]}, {"grid": [[-1000, 1000, 0, 5, 6]]}]
def large():
    r = random.Random(38)
    return [{"grid": [[r.randint(-1000, 1000) for _ in range(120)] for _ in range(100)]}]
