function spiralWalk(grid) {
    const out = [];
    let top = 0, bottom = grid.length - 1, left = 0, right = grid[0].length - 1;
    while (top <= bottom && left <= right) {
        for (let j = left; j <= right; j++) out.push(grid[top][j]);
        for (let i = top + 1; i <= bottom; i++) out.push(grid[i][right]);
        if (top < bottom) for (let j = right - 1; j >= left; j--) out.push(grid[bottom][j]);
        if (left < right) for (let i = bottom - 1; i > top; i--) out.push(grid[i][left]);
        top++; bottom--; left++; right--;
    }
    return out;
}
