import java.util.*;

class Solution {
    public int spreadingRot(int[][] grid) {
        int rows = grid.length, cols = grid[0].length, fresh = 0, minutes = 0;
        int[][] g = new int[rows][];
        List<int[]> level = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            g[i] = grid[i].clone();
            for (int j = 0; j < cols; j++) {
                if (g[i][j] == 2) level.add(new int[] {i, j});
                if (g[i][j] == 1) fresh++;
            }
        }
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!level.isEmpty() && fresh > 0) {
            List<int[]> next = new ArrayList<>();
            for (int[] cell : level) for (int[] d : dirs) {
                int r = cell[0] + d[0], c = cell[1] + d[1];
                if (r >= 0 && r < rows && c >= 0 && c < cols && g[r][c] == 1) { g[r][c] = 2; fresh--; next.add(new int[] {r, c}); }
            }
            level = next;
            minutes++;
        }
        return fresh > 0 ? -1 : minutes;
    }
}
