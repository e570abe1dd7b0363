import random
def examples():
    return [({"head": [1, 2, 3, 4, 5]}, "The middle node holds 3."), ({"head": [1, 2, 3, 4]}, "Two middles, 2 and 3: return the second.")]
def hidden():
    return [{"head": [7]}, {"head": [7, 8]}, {"head": [1, 2, 3]}, {"head": [5, 5, 5, 5, 5, 5]}, {"head": [9, 8, 7, 6, 5, 4, 3]}, {"head": [100, 1]}]
def large():
    r = random.Random(25)
    return [{"head": [r.randint(1, 100) for _ in range(30001)]}]
