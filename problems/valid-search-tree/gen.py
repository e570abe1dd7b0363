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
    return [({"root": [2, 1, 3]}, None), ({"root": [5, 1, 7, None, None, 4, 8]}, "4 is in 5's right subtree but smaller than 5.")]
def hidden():
    return [{"root": []}, {"root": [1]}, {"root": [1, 1]}, {"root": [-2147483648, None, 2147483647]}, {"root": [10, 5, 15, None, None, 6, 20]}, {"root": [3, 1, 5, 0, 2, 4, 6]}]
def large():
    r = random.Random(48)
    vals = r.sample(range(-10**9, 10**9), 20000)
    good = bst_level_order(vals)
    bad = list(good); bad[-1] = bad[0]
    return [{"root": good}, {"root": bad}]
