import random, string
def examples():
    return [({"a": "horse", "b": "ros"}, "horse -> rorse (replace h) -> rose (delete r) -> ros (delete e)."), ({"a": "intention", "b": "execution"}, None)]
def hidden():
    return [{"a": "", "b": ""}, {"a": "", "b": "abc"}, {"a": "abc", "b": ""}, {"a": "same", "b": "same"}, {"a": "ab", "b": "ba"}, {"a": "kitten", "b": "sitting"}]
def large():
    r = random.Random(73)
    a = "".join(r.choice("abcd") for _ in range(10000))
    b = "".join(r.choice("abcd") for _ in range(300))
    return [{"a": a, "b": b}]
