import random, string
def examples():
    return [({"s": "ADOBECODEBANC", "t": "ABC"}, "\"BANC\" contains A, B and C."), ({"s": "a", "t": "aa"}, "s has only one a.")]
def hidden():
    return [{"s": "a", "t": "a"}, {"s": "ab", "t": "b"}, {"s": "abc", "t": "d"}, {"s": "aaflslflsldkalskaaa", "t": "aaa"}, {"s": "bba", "t": "ab"}, {"s": "xyzXYZ", "t": "Zx"}]
def large():
    r = random.Random(62)
    s = "".join(r.choice(string.ascii_letters) for _ in range(80000))
    return [{"s": s, "t": "AbCdEfGhIjKlMnOp"}, {"s": "a" * 50000 + "b", "t": "ab"}]
