def longest_distinct_window(s: str) -> int:
    last, start, best = {}, 0, 0
    for j, c in enumerate(s):
        if last.get(c, -1) >= start:
            start = last[c] + 1
        last[c] = j
        best = max(best, j - start + 1)
    return best
