import random
def examples():
    return [({"tokens": ["3", "4", "+", "2", "*"]}, "(3 + 4) * 2 = 14."), ({"tokens": ["7", "-2", "/"]}, "7 / -2 truncates toward zero to -3.")]
def hidden():
    return [{"tokens": ["5"]}, {"tokens": ["-5"]}, {"tokens": ["1", "2", "-"]}, {"tokens": ["6", "3", "/"]}, {"tokens": ["-7", "2", "/"]}, {"tokens": ["10", "6", "9", "3", "+", "-11", "*", "/", "*", "17", "+", "5", "+"]}]
def large():
    r = random.Random(42)
    tokens = ["1"]
    for _ in range(6000):
        tokens += [str(r.randint(-200, 200)), r.choice("+-")]
    tokens += ["3", "*", "7", "/"]
    return [{"tokens": tokens}]
