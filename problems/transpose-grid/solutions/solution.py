def transpose_grid(grid: list[list[int]]) -> list[list[int]]:
    return [list(col) for col in zip(*grid)]
