import random
def examples():
    return [({"jumps": [2, 3, 1, 1, 4]}, "0 -> 1 -> 4."), ({"jumps": [3, 2, 1, 0, 4]}, "Every path lands on the 0 at position 3.")]
def hidden():
    return [{"jumps": [0]}, {"jumps": [1, 0]}, {"jumps": [0, 1]}, {"jumps": [2, 0, 0]}, {"jumps": [1, 1, 0, 1]}, {"jumps": [5, 0, 0, 0, 0, 0]}]
def large():
    r = random.Random(44)
    ok = [r.randint(1, 3) for _ in range(60000)]
    blocked = [1] * 30000 + [0] + [5] * 30000
    return [{"jumps": ok}, {"jumps": blocked}]
