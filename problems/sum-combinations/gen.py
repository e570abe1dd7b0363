def examples():
    return [({"candidates": [2, 3, 6, 7], "target": 7}, "2 + 2 + 3 and 7."), ({"candidates": [2], "target": 1}, None)]
def hidden():
    return [{"candidates": [2], "target": 2}, {"candidates": [2, 3, 5], "target": 8}, {"candidates": [7, 3, 2], "target": 18}, {"candidates": [40], "target": 40}, {"candidates": [5, 10], "target": 3}, {"candidates": [2, 4, 6, 8], "target": 12}]
def large():
    return [{"candidates": list(range(2, 32)), "target": 40}]
