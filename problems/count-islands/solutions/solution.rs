impl Solution {
    pub fn count_islands(grid: Vec<Vec<char>>) -> i32 {
        let mut grid = grid;
        let (rows, cols) = (grid.len() as i32, grid[0].len() as i32);
        let mut count = 0;
        for i in 0..rows {
            for j in 0..cols {
                if grid[i as usize][j as usize] != '1' {
                    continue;
                }
                count += 1;
                grid[i as usize][j as usize] = '0';
                let mut stack = vec![(i, j)];
                while let Some((r, c)) = stack.pop() {
                    for (dr, dc) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                        let (nr, nc) = (r + dr, c + dc);
                        if nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr as usize][nc as usize] == '1' {
                            grid[nr as usize][nc as usize] = '0';
                            stack.push((nr, nc));
                        }
                    }
                }
            }
        }
        count
    }
}
