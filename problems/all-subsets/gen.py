def examples():
    return [({"nums": [1, 2, 3]}, None), ({"nums": [0]}, None)]
def hidden():
    return [{"nums": [5, -5]}, {"nums": [3, 1, 2]}, {"nums": [-10, 10]}, {"nums": [4, 3, 2, 1]}, {"nums": [9, 0, -3, 7, 2]}, {"nums": list(range(-5, 5))}]
def large():
    return []
