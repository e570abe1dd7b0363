import random
def examples():
    return [({"s": "{[()]}()"}, "Every bracket closes the most recent open one of its kind."), ({"s": "([)]"}, "The ] arrives while ( is still open.")]
def hidden():
    return [{"s": "("}, {"s": ")"}, {"s": "()"}, {"s": "]["}, {"s": "((((()))))"}, {"s": "{}{}{]"}, {"s": "([{}])[]{}"}]
def large():
    r = random.Random(2)
    out, stack = [], []
    pairs = {"(": ")", "[": "]", "{": "}"}
    while len(out) < 40000:
        if stack and r.random() < 0.5:
            out.append(pairs[stack.pop()])
        else:
            c = r.choice("([{"); stack.append(c); out.append(c)
    out += [pairs[c] for c in reversed(stack)]
    good = "".join(out)
    return [{"s": good}, {"s": good + "("}]
