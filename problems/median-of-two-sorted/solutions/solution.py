def median_of_two_sorted(a: list[int], b: list[int]) -> float:
    if len(a) > len(b):
        a, b = b, a
    n, m = len(a), len(b)
    half = (n + m + 1) // 2
    lo, hi = 0, n
    inf = float("inf")
    while True:
        i = (lo + hi) // 2
        j = half - i
        a_left = a[i - 1] if i > 0 else -inf
        a_right = a[i] if i < n else inf
        b_left = b[j - 1] if j > 0 else -inf
        b_right = b[j] if j < m else inf
        if a_left <= b_right and b_left <= a_right:
            left = max(a_left, b_left)
            if (n + m) % 2:
                return float(left)
            return (left + min(a_right, b_right)) / 2
        if a_left > b_right:
            hi = i - 1
        else:
            lo = i + 1
