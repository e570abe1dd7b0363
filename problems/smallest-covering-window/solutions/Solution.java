class Solution {
    public String smallestCoveringWindow(String s, String t) {
        int[] need = new int[128];
        int missing = 0;
        for (char c : t.toCharArray()) if (need[c]++ == 0) missing++;
        boolean[] wanted = new boolean[128];
        for (char c : t.toCharArray()) wanted[c] = true;
        int left = 0, bestLen = Integer.MAX_VALUE, bestStart = 0;
        for (int right = 0; right < s.length(); right++) {
            char c = s.charAt(right);
            if (wanted[c] && --need[c] == 0) missing--;
            while (missing == 0) {
                if (right - left + 1 < bestLen) { bestLen = right - left + 1; bestStart = left; }
                char d = s.charAt(left++);
                if (wanted[d] && ++need[d] > 0) missing++;
            }
        }
        return bestLen == Integer.MAX_VALUE ? "" : s.substring(bestStart, bestStart + bestLen);
    }
}
