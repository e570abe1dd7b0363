import random
def examples():
    return [({"nums": [3, 0, 1]}, "n = 3; the range is 0..3 and 2 is absent."), ({"nums": [0, 1]}, "n = 2; 2 is absent.")]
def hidden():
    return [{"nums": [0]}, {"nums": [1]}, {"nums": [1, 2]}, {"nums": [2, 0]}, {"nums": [5, 4, 3, 2, 1]}, {"nums": [0, 1, 2, 3, 5, 6]}]
def large():
    r = random.Random(13)
    a = list(range(30001)); a.remove(17234); r.shuffle(a)
    return [{"nums": a}]
