def sorted_squares(nums: list[int]) -> list[int]:
    out = [0] * len(nums)
    i, j = 0, len(nums) - 1
    for w in range(len(nums) - 1, -1, -1):
        if abs(nums[i]) > abs(nums[j]):
            out[w] = nums[i] * nums[i]
            i += 1
        else:
            out[w] = nums[j] * nums[j]
            j -= 1
    return out
