from collections import defaultdict

def word_ladder_length(begin: str, end: str, words: list[str]) -> int:
    if end not in words:
        return 0
    buckets = defaultdict(list)
    for w in words:
        for i in range(len(w)):
            buckets[w[:i] + "*" + w[i + 1:]].append(w)
    seen, level, steps = {begin}, [begin], 1
    while level:
        steps += 1
        nxt = []
        for w in level:
            for i in range(len(w)):
                key = w[:i] + "*" + w[i + 1:]
                for v in buckets.pop(key, []):
                    if v == end:
                        return steps
                    if v not in seen:
                        seen.add(v)
                        nxt.append(v)
        level = nxt
    return 0
