def quiet_heist(houses: list[int]) -> int:
    take, skip = 0, 0
    for h in houses:
        take, skip = skip + h, max(take, skip)
    return max(take, skip)
