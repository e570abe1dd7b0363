import java.util.*;

class Solution {
    public int longestConsecutiveRun(int[] nums) {
        Set<Integer> values = new HashSet<>();
        for (int v : nums) values.add(v);
        int best = 0;
        for (int v : values) {
            if (values.contains(v - 1)) continue;
            int end = v;
            while (values.contains(end + 1)) end++;
            best = Math.max(best, end - v + 1);
        }
        return best;
    }
}
