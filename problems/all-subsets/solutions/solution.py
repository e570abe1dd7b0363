def all_subsets(nums: list[int]) -> list[list[int]]:
    nums = sorted(nums)
    out, current = [], []

    def backtrack(i: int) -> None:
        out.append(current[:])
        for j in range(i, len(nums)):
            current.append(nums[j])
            backtrack(j + 1)
            current.pop()

    backtrack(0)
    return out
