def count_one_bits(n: int) -> int:
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
