function countIslands(grid) {
    const rows = grid.length, cols = grid[0].length;
    const seen = grid.map((row) => row.map(() => false));
    let count = 0;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        if (grid[i][j] !== '1' || seen[i][j]) continue;
        count++;
        seen[i][j] = true;
        const stack = [[i, j]];
        while (stack.length) {
            const [r, c] = stack.pop();
            for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] === '1' && !seen[nr][nc]) {
                    seen[nr][nc] = true;
                    stack.push([nr, nc]);
                }
            }
        }
    }
    return count;
}
