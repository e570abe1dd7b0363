def spreading_rot(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    g = [row[:] for row in grid]
    level = [(i, j) for i in range(rows) for j in range(cols) if g[i][j] == 2]
    fresh = sum(row.count(1) for row in g)
    minutes = 0
    while level and fresh:
        nxt = []
        for r, c in level:
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and g[nr][nc] == 1:
                    g[nr][nc] = 2
                    fresh -= 1
                    nxt.append((nr, nc))
        level = nxt
        minutes += 1
    return -1 if fresh else minutes
