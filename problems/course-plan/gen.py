import random
def examples():
    return [({"courses": 2, "prerequisites": [[1, 0]]}, "Take 0, then 1."), ({"courses": 2, "prerequisites": [[1, 0], [0, 1]]}, "Each waits for the other.")]
def hidden():
    return [{"courses": 1, "prerequisites": []}, {"courses": 3, "prerequisites": [[1, 0], [2, 1]]}, {"courses": 3, "prerequisites": [[0, 1], [1, 2], [2, 0]]}, {"courses": 4, "prerequisites": [[1, 0], [2, 0], [3, 1], [3, 2]]}, {"courses": 5, "prerequisites": [[1, 0], [0, 2], [2, 1], [4, 3]]}, {"courses": 3, "prerequisites": []}]
def large():
    r = random.Random(52)
    n = 10000
    edges = set()
    while len(edges) < 15000:
        a, b = r.sample(range(n), 2)
        edges.add((max(a, b), min(a, b)))
    dag = [list(e) for e in edges]
    cyc = dag + [[dag[0][1], dag[0][0]]]
    return [{"courses": n, "prerequisites": dag}, {"courses": n, "prerequisites": cyc}]
