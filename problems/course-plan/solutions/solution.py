from collections import deque

def course_plan(courses: int, prerequisites: list[list[int]]) -> bool:
    after = [[] for _ in range(courses)]
    waiting = [0] * courses
    for a, b in prerequisites:
        after[b].append(a)
        waiting[a] += 1
    ready = deque(i for i in range(courses) if waiting[i] == 0)
    taken = 0
    while ready:
        c = ready.popleft()
        taken += 1
        for d in after[c]:
            waiting[d] -= 1
            if waiting[d] == 0:
                ready.append(d)
    return taken == courses
