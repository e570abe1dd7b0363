import random
def examples():
    return [({"nums": [3, 8, 11, 4], "target": 15}, "nums[2] + nums[3] = 11 + 4 = 15."),
            ({"nums": [5, 5], "target": 10}, "Two positions may hold the same value.")]
def hidden():
    return [{"nums": [1, 2], "target": 3}, {"nums": [-4, 7, 1, -2], "target": -6}, {"nums": [0, 9, 0], "target": 0},
            {"nums": [1000000000, -1000000000, 3], "target": 0}, {"nums": [2, 7, 11, 15, 1, 8], "target": 9},
            {"nums": [6, 1, 1, 6, 2], "target": 3}]
def large():
    r = random.Random(11)
    n = 20000
    nums = r.sample(range(1, 10**8), n)
    nums = [x * 2 for x in nums]
    i, j = 4321, 17777
    nums[i], nums[j] = 123456789, 987654321
    return [{"nums": nums, "target": 123456789 + 987654321}]
