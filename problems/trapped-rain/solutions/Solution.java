class Solution {
    public int trappedRain(int[] heights) {
        int lo = 0, hi = heights.length - 1, leftMax = 0, rightMax = 0, water = 0;
        while (lo < hi) {
            if (heights[lo] < heights[hi]) { leftMax = Math.max(leftMax, heights[lo]); water += leftMax - heights[lo]; lo++; }
            else { rightMax = Math.max(rightMax, heights[hi]); water += rightMax - heights[hi]; hi--; }
        }
        return water;
    }
}
