class Solution {
    public int[][] transposeGrid(int[][] grid) {
        int r = grid.length, c = grid[0].length;
        int[][] out = new int[c][r];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[j][i] = grid[i][j];
        return out;
    }
}
