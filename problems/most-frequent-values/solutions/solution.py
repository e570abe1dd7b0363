from collections import Counter

def most_frequent_values(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    return sorted(counts, key=lambda v: (-counts[v], v))[:k]
