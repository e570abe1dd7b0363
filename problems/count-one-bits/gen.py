def examples():
    return [({"n": 11}, "11 is 1011 in binary."), ({"n": 128}, "128 is 10000000.")]
def hidden():
    return [{"n": 0}, {"n": 1}, {"n": 4294967295}, {"n": 2147483648}, {"n": 2863311530}, {"n": 65535}]
def large():
    return []
