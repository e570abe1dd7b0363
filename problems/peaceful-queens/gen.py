def examples():
    return [({"n": 4}, "There are two placements."), ({"n": 1}, None)]
def hidden():
    return [{"n": 2}, {"n": 3}, {"n": 5}, {"n": 6}, {"n": 8}, {"n": 10}, {"n": 11}]
def large():
    return []
