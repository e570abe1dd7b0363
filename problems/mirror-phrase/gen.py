import random
def examples():
    return [({"s": "Step on no pets!"}, "Cleaned, it is 'steponnopets', which reverses to itself."), ({"s": "Race a car"}, "'raceacar' reversed is 'racaecar'.")]
def hidden():
    return [{"s": " "}, {"s": ".,!"}, {"s": "a"}, {"s": "0P"}, {"s": "Ab1bA"}, {"s": "No 'x' in Nixon"}, {"s": "ab"}]
def large():
    r = random.Random(3)
    half = "".join(r.choice("abcXYZ09 ,.") for _ in range(30000))
    return [{"s": half + half[::-1]}, {"s": half + "q" + half}]
