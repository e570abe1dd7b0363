import random
def examples():
    return [({"meetings": [[9, 10], [13, 15], [10, 12]]}, "Sorted: 9-10, 10-12, 13-15; none overlap."), ({"meetings": [[1, 5], [4, 6]]}, "The second starts before the first ends.")]
def hidden():
    return [{"meetings": []}, {"meetings": [[0, 1]]}, {"meetings": [[5, 8], [1, 5]]}, {"meetings": [[1, 10], [2, 3]]}, {"meetings": [[1, 2], [1, 2]]}, {"meetings": [[0, 1000000], [999999, 1000000]]}]
def large():
    r = random.Random(17)
    starts = sorted(r.sample(range(0, 10**6, 10), 10000))
    ok = [[s, s + r.randint(1, 10)] for s in starts]
    r.shuffle(ok)
    bad = [list(m) for m in ok]; bad[5000] = [starts[100], starts[100] + 25]
    return [{"meetings": ok}, {"meetings": bad}]
