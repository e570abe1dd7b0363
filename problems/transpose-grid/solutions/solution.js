function transposeGrid(grid) {
    return grid[0].map((_, j) => grid.map((row) => row[j]));
}
