function spreadingRot(grid) {
    const rows = grid.length, cols = grid[0].length, g = grid.map((r) => [...r]);
    let level = [], fresh = 0, minutes = 0;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        if (g[i][j] === 2) level.push([i, j]);
        if (g[i][j] === 1) fresh++;
    }
    while (level.length && fresh) {
        const next = [];
        for (const [r, c] of level) for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
            if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && g[nr][nc] === 1) { g[nr][nc] = 2; fresh--; next.push([nr, nc]); }
        }
        level = next;
        minutes++;
    }
    return fresh ? -1 : minutes;
}
