def bst_level_order(values):
    values = sorted(values)
    out, queue = [], [(0, len(values) - 1)]
    while queue:
        lo, hi = queue.pop(0)
        if lo > hi:
            out.append(None)
            continue
        mid = (lo + hi) // 2
        out.append(values[mid])
        queue.append((lo, mid - 1))
        queue.append((mid + 1, hi))
    while out and out[-1] is None:
        out.pop()
    return out

import random
def examples():
    return [({"root": [3, 1, 4, None, 2], "k": 1}, None), ({"root": [5, 3, 6, 2, 4, None, None, 1], "k": 3}, None)]
def hidden():
    return [{"root": [7], "k": 1}, {"root": [2, 1], "k": 2}, {"root": [1, None, 2], "k": 1}, {"root": [4, 2, 6, 1, 3, 5, 7], "k": 7}, {"root": [4, 2, 6, 1, 3, 5, 7], "k": 4}, {"root": [10, 5, None, 1], "k": 2}]
def large():
    r = random.Random(49)
    t = bst_level_order(r.sample(range(0, 10**6), 25000))
    return [{"root": t, "k": 12500}, {"root": t, "k": 25000}]
