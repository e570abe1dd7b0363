import random, string
def examples():
    return [({"s": "abcabcbb"}, "\"abc\" has length 3."), ({"s": "pwwkew"}, "\"wke\"; \"pwke\" is not contiguous.")]
def hidden():
    return [{"s": ""}, {"s": " "}, {"s": "bbbb"}, {"s": "abba"}, {"s": "dvdf"}, {"s": "a b!c a"}]
def large():
    r = random.Random(37)
    return [{"s": "".join(r.choice(string.printable[:94]) for _ in range(60000))}, {"s": string.printable[:94] * 200}]
