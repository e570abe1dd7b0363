import random
def examples():
    return [({"lists": [[1, 4, 5], [1, 3, 4], [2, 6]]}, None), ({"lists": []}, None)]
def hidden():
    return [{"lists": [[]]}, {"lists": [[], [1]]}, {"lists": [[2], [1]]}, {"lists": [[1, 1, 1], [1, 1]]}, {"lists": [[-3, 0, 9], [], [-10, 10]]}, {"lists": [[5], [4], [3], [2], [1]]}]
def large():
    r = random.Random(65)
    lists = [sorted(r.randint(-10**4, 10**4) for _ in range(r.randint(0, 40))) for _ in range(1500)]
    return [{"lists": lists}]
