class Solution {
    public int[] spiralWalk(int[][] grid) {
        int rows = grid.length, cols = grid[0].length, k = 0;
        int[] out = new int[rows * cols];
        int top = 0, bottom = rows - 1, left = 0, right = cols - 1;
        while (top <= bottom && left <= right) {
            for (int j = left; j <= right; j++) out[k++] = grid[top][j];
            for (int i = top + 1; i <= bottom; i++) out[k++] = grid[i][right];
            if (top < bottom) for (int j = right - 1; j >= left; j--) out[k++] = grid[bottom][j];
            if (left < right) for (int i = bottom - 1; i > top; i--) out[k++] = grid[i][left];
            top++; bottom--; left++; right--;
        }
        return out;
    }
}
