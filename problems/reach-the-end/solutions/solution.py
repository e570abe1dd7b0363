def reach_the_end(jumps: list[int]) -> bool:
    reach = 0
    for i, j in enumerate(jumps):
        if i > reach:
            return False
        reach = max(reach, i + j)
    return True
