import random, string
def examples():
    return [({"a": "listen", "b": "silent"}, "Both use e, i, l, n, s, t once each."), ({"a": "rat", "b": "car"}, "b has a c and no t.")]
def hidden():
    return [{"a": "a", "b": "a"}, {"a": "a", "b": "b"}, {"a": "ab", "b": "a"}, {"a": "aab", "b": "abb"}, {"a": "zzzz", "b": "zzzz"}, {"a": "abcde", "b": "edcba"}]
def large():
    r = random.Random(8)
    a = "".join(r.choice(string.ascii_lowercase) for _ in range(40000))
    b = list(a); r.shuffle(b); b = "".join(b)
    c = b[:-1] + ("a" if b[-1] != "a" else "b")
    return [{"a": a, "b": b}, {"a": a, "b": c}]
