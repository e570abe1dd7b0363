def spiral_walk(grid: list[list[int]]) -> list[int]:
    out = []
    top, bottom, left, right = 0, len(grid) - 1, 0, len(grid[0]) - 1
    while top <= bottom and left <= right:
        out += [grid[top][j] for j in range(left, right + 1)]
        out += [grid[i][right] for i in range(top + 1, bottom + 1)]
        if top < bottom:
            out += [grid[bottom][j] for j in range(right - 1, left - 1, -1)]
        if left < right:
            out += [grid[i][left] for i in range(bottom - 1, top, -1)]
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out
