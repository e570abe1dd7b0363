def zeros_to_end(nums: list[int]) -> None:
    write = 0
    for i, v in enumerate(nums):
        if v != 0:
            nums[write], nums[i] = v, nums[write]
            write += 1
