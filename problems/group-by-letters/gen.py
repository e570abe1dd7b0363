import random, string
def examples():
    return [({"words": ["tea", "eat", "bat", "ate", "tab", "cat"]}, None), ({"words": [""]}, None)]
def hidden():
    return [{"words": ["a"]}, {"words": ["ab", "ba", "ab"]}, {"words": ["abc", "def"]}, {"words": ["", "", "a"]}, {"words": ["listen", "enlist", "silent", "google"]}, {"words": ["aab", "aba", "baa", "abb"]}]
def large():
    r = random.Random(31)
    bases = ["".join(r.choice(string.ascii_lowercase) for _ in range(r.randint(1, 12))) for _ in range(800)]
    words = []
    for _ in range(12000):
        w = list(r.choice(bases)); r.shuffle(w); words.append("".join(w))
    return [{"words": words}]
