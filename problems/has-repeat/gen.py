import random
def examples():
    return [({"nums": [4, 1, 9, 1]}, "1 appears at positions 1 and 3."), ({"nums": [7, 3, 5]}, "All values differ.")]
def hidden():
    return [{"nums": []}, {"nums": [0]}, {"nums": [2, 2]}, {"nums": [-1, 1]}, {"nums": [1000000000, -1000000000, 1000000000]}, {"nums": [5, 4, 3, 2, 1, 0]}]
def large():
    r = random.Random(5)
    a = r.sample(range(-10**9, 10**9), 12000)
    b = list(a); b[11999] = b[0]
    return [{"nums": a}, {"nums": b}]
