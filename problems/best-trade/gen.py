import random
def examples():
    return [({"prices": [9, 2, 6, 1, 7, 4]}, "Buy at 1 on day 3, sell at 7 on day 4."), ({"prices": [8, 6, 3, 1]}, "Prices only fall, so no trade makes money.")]
def hidden():
    return [{"prices": [5]}, {"prices": [1, 2]}, {"prices": [2, 1]}, {"prices": [3, 3, 3]}, {"prices": [0, 10000]}, {"prices": [4, 1, 9, 0, 8]}]
def large():
    r = random.Random(21)
    return [{"prices": [r.randint(0, 10000) for _ in range(50000)]}, {"prices": list(range(20000, 0, -1))}]
