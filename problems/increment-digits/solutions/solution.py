def increment_digits(digits: list[int]) -> list[int]:
    out = list(digits)
    for i in range(len(out) - 1, -1, -1):
        if out[i] < 9:
            out[i] += 1
            return out
        out[i] = 0
    return [1] + out
