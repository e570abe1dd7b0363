import java.util.*;

class Solution {
    public int countIslands(char[][] grid) {
        int rows = grid.length, cols = grid[0].length, count = 0;
        boolean[][] seen = new boolean[rows][cols];
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) {
            if (grid[i][j] != '1' || seen[i][j]) continue;
            count++;
            seen[i][j] = true;
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {i, j});
            while (!stack.isEmpty()) {
                int[] cell = stack.pop();
                for (int[] d : dirs) {
                    int r = cell[0] + d[0], c = cell[1] + d[1];
                    if (r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] == '1' && !seen[r][c]) {
                        seen[r][c] = true;
                        stack.push(new int[] {r, c});
                    }
                }
            }
        }
        return count;
    }
}
