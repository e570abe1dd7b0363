import random
def examples():
    return [({"stones": [2, 7, 4, 1, 8, 1]}, "8,7 -> 1; 4,2 -> 2; 2,1 -> 1; 1,1 -> 0; one stone of weight 1 remains."), ({"stones": [3, 3]}, None)]
def hidden():
    return [{"stones": [1]}, {"stones": [1000]}, {"stones": [10, 4]}, {"stones": [1, 1, 1]}, {"stones": [9, 3, 2, 10]}, {"stones": [5, 5, 5, 5]}]
def large():
    r = random.Random(26)
    return [{"stones": [r.randint(1, 1000) for _ in range(30000)]}]
