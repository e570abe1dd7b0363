func countIslands(grid [][]byte) int {
	rows, cols, count := len(grid), len(grid[0]), 0
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if grid[i][j] != '1' {
				continue
			}
			count++
			grid[i][j] = '0'
			stack := [][2]int{{i, j}}
			for len(stack) > 0 {
				cell := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					r, c := cell[0]+d[0], cell[1]+d[1]
					if r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] == '1' {
						grid[r][c] = '0'
						stack = append(stack, [2]int{r, c})
					}
				}
			}
		}
	}
	return count
}
