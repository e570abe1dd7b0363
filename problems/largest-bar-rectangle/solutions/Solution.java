class Solution {
    public int largestBarRectangle(int[] bars) {
        int n = bars.length, top = 0, best = 0;
        int[] stack = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            int h = i == n ? 0 : bars[i];
            while (top > 0 && bars[stack[top - 1]] > h) {
                int height = bars[stack[--top]];
                int width = top > 0 ? i - stack[top - 1] - 1 : i;
                best = Math.max(best, height * width);
            }
            stack[top++] = i;
        }
        return best;
    }
}
