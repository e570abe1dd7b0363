import random, string
def examples():
    return [({"begin": "hit", "end": "cog", "words": ["hot", "dot", "dog", "lot", "log", "cog"]}, "hit -> hot -> dot -> dog -> cog."), ({"begin": "hit", "end": "cog", "words": ["hot", "dot", "dog", "lot", "log"]}, "cog is not in the list.")]
def hidden():
    return [{"begin": "a", "end": "c", "words": ["a", "b", "c"]}, {"begin": "ab", "end": "cd", "words": ["ad", "cd"]}, {"begin": "ab", "end": "cd", "words": ["xy"]}, {"begin": "hot", "end": "dog", "words": ["hot", "dog"]}, {"begin": "lost", "end": "cost", "words": ["most", "fist", "lost", "cost", "fish"]}, {"begin": "red", "end": "tax", "words": ["ted", "tex", "red", "tax", "tad", "den", "rex", "pee"]}]
def large():
    r = random.Random(72)
    words = set()
    while len(words) < 5000:
        words.add("".join(r.choice("abcdefgh") for _ in range(5)))
    words = sorted(words)
    r.shuffle(words)
    return [{"begin": "aaaaa", "end": words[0], "words": words}, {"begin": "hhhhh", "end": "zzzzz", "words": words + ["zzzzz"]}]
