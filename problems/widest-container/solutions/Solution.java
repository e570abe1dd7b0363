class Solution {
    public int widestContainer(int[] heights) {
        int lo = 0, hi = heights.length - 1, best = 0;
        while (lo < hi) {
            best = Math.max(best, (hi - lo) * Math.min(heights[lo], heights[hi]));
            if (heights[lo] < heights[hi]) lo++; else hi--;
        }
        return best;
    }
}
