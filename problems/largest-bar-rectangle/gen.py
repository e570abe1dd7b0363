import random
def examples():
    return [({"bars": [2, 1, 5, 6, 2, 3]}, "Height 5 across the bars of height 5 and 6: 10."), ({"bars": [2, 4]}, None)]
def hidden():
    return [{"bars": [0]}, {"bars": [7]}, {"bars": [3, 3, 3]}, {"bars": [1, 2, 3, 4, 5]}, {"bars": [5, 4, 3, 2, 1]}, {"bars": [2, 0, 2]}]
def large():
    r = random.Random(63)
    return [{"bars": [r.randint(0, 10000) for _ in range(60000)]}, {"bars": list(range(1, 20001))}]
