def examples():
    return [({"n": 3}, "1+1+1, 1+2 and 2+1."), ({"n": 2}, "1+1 and 2.")]
def hidden():
    return [{"n": 1}, {"n": 4}, {"n": 5}, {"n": 10}, {"n": 30}, {"n": 44}, {"n": 45}]
def large():
    return []
