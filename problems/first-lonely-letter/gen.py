import random, string
def examples():
    return [({"s": "swiss"}, "w at index 1 is the first character that appears once."), ({"s": "aabb"}, None)]
def hidden():
    return [{"s": "z"}, {"s": "zz"}, {"s": "abcabcd"}, {"s": "aab"}, {"s": "baa"}, {"s": "loveleetcode"}]
def large():
    r = random.Random(23)
    body = "".join(r.choice(string.ascii_lowercase[:25]) * 2 for _ in range(20000))
    return [{"s": body + "z" + body}, {"s": body}]
