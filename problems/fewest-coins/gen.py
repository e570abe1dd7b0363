def examples():
    return [({"coins": [1, 3, 4], "amount": 6}, "3 + 3; taking the 4 first needs three coins."), ({"coins": [2], "amount": 3}, None)]
def hidden():
    return [{"coins": [1], "amount": 0}, {"coins": [7], "amount": 7}, {"coins": [2, 5, 10, 1], "amount": 27}, {"coins": [186, 419, 83, 408], "amount": 6249}, {"coins": [2147483647], "amount": 2}, {"coins": [3, 7], "amount": 11}]
def large():
    return [{"coins": [7, 13, 29, 31, 97, 113], "amount": 10000}, {"coins": [4, 6, 10], "amount": 9999}]
