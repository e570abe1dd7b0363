import random
def examples():
    return [({"nums": [-3, 0, 4, 8, 15], "target": 8}, "8 is at index 3."), ({"nums": [-3, 0, 4, 8, 15], "target": 5}, "5 is not in the array.")]
def hidden():
    return [{"nums": [7], "target": 7}, {"nums": [7], "target": -7}, {"nums": [1, 2], "target": 2}, {"nums": [1, 2], "target": 1}, {"nums": [-10000, 10000], "target": 0}, {"nums": [1, 3, 5, 7, 9, 11], "target": 11}]
def large():
    nums = list(range(-10000, 10001))
    return [{"nums": nums, "target": 9999}, {"nums": [x for x in nums if x != 17], "target": 17}]
