import random
def g(rows):
    return [list(r) for r in rows]
def examples():
    return [({"grid": g(["11000", "11000", "00100", "00011"])}, None), ({"grid": g(["111", "010", "111"])}, "All land is connected.")]
def hidden():
    return [{"grid": g(["0"])}, {"grid": g(["1"])}, {"grid": g(["10", "01"])}, {"grid": g(["101", "010", "101"])}, {"grid": g(["1111"])}, {"grid": g(["0", "1", "0", "1"])}]
def large():
    r = random.Random(51)
    return [{"grid": [["1" if r.random() < 0.45 else "0" for _ in range(120)] for _ in range(120)]}, {"grid": [["1"] * 150 for _ in range(150)]}]
