import random
def examples():
    return [({"temps": [13, 14, 15, 11, 9, 12, 16, 13]}, None), ({"temps": [30, 20, 10]}, "It only gets colder.")]
def hidden():
    return [{"temps": [0]}, {"temps": [1, 2]}, {"temps": [2, 2, 2]}, {"temps": [-50, 50]}, {"temps": [5, 4, 3, 2, 10]}, {"temps": [1, 3, 2, 4]}]
def large():
    r = random.Random(41)
    return [{"temps": [r.randint(-50, 50) for _ in range(60000)]}, {"temps": list(range(50, -50, -1)) * 150}]
