def sum_combinations(candidates: list[int], target: int) -> list[list[int]]:
    cands = sorted(candidates)
    out, current = [], []

    def backtrack(start: int, remaining: int) -> None:
        if remaining == 0:
            out.append(current[:])
            return
        for i in range(start, len(cands)):
            if cands[i] > remaining:
                break
            current.append(cands[i])
            backtrack(i, remaining - cands[i])
            current.pop()

    backtrack(0, target)
    return out
