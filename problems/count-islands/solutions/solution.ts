function countIslands(grid: string[][]): number {
    const rows = grid.length, cols = grid[0].length;
    let count = 0;
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            if (grid[i][j] !== "1") continue;
            count++;
            grid[i][j] = "0";
            const stack: [number, number][] = [[i, j]];
            while (stack.length) {
                const [r, c] = stack.pop()!;
                for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
                    const nr = r + dr, nc = c + dc;
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] === "1") {
                        grid[nr][nc] = "0";
                        stack.push([nr, nc]);
                    }
                }
            }
        }
    }
    return count;
}
