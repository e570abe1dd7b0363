class Solution {
    public int longestDistinctWindow(String s) {
        int[] last = new int[128];
        java.util.Arrays.fill(last, -1);
        int start = 0, best = 0;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (last[c] >= start) start = last[c] + 1;
            last[c] = j;
            best = Math.max(best, j - start + 1);
        }
        return best;
    }
}
